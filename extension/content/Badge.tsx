import { reasonLines } from '../../shared/scoring/explain.ts';
import type { BadgeModel } from './badge-state.ts';
import { badgeSummary } from './badge-summary.ts';

export interface BadgeProps {
  model: BadgeModel;
  onCapture(model: BadgeModel): void;
}

const GRADE_CLASS: Record<string, string> = { A: 'grade-a', B: 'grade-b', C: 'grade-c', D: 'grade-d' };

/** The inline badge beside a contact. Page text only ever reaches it as JSX text, never as HTML. */
export function Badge({ model, onCapture }: BadgeProps) {
  const state = model.state.value;
  const who = model.candidate.name ?? model.candidate.email ?? model.candidate.phone ?? 'this contact';
  const stop = (e: Event) => {
    // The badge may sit inside a link or a clickable card of the page.
    e.preventDefault();
    e.stopPropagation();
  };
  switch (state.kind) {
    case 'known': {
      // The title is text (never HTML): who has it and since when, the score, whether it comes from the
      // offline copy, then the top reasons up and down, one a line.
      const offline = state.staleSince ? [`Offline: as of ${state.staleSince === 'never' ? 'the last sync' : new Date(state.staleSince).toLocaleString()}`] : [];
      const title = [badgeSummary(state, new Date()), `Leadsync score ${state.score} (grade ${state.grade})`, ...offline, ...reasonLines(state.reasons ?? [])].join('\n');
      return (
        <span
          class={`badge score ${GRADE_CLASS[state.grade] ?? ''}${state.staleSince ? ' stale' : ''}`}
          data-state="known"
          data-stale={state.staleSince ? 'true' : undefined}
          title={title}
          aria-label={title.split('\n').slice(0, 2).join(', ')}
          onClick={stop}
        >
          <span class="grade">{state.grade}</span>
          <span class="points">{state.score}</span>
        </span>
      );
    }
    case 'queued':
      return (
        <span class="badge queued" data-state="queued" title={`Saved offline: ${who} syncs when the server answers (${state.waiting} waiting)`} onClick={stop}>
          ↑
        </span>
      );
    case 'capturing':
      return (
        <span class="badge busy" data-state="capturing" aria-busy="true">
          …
        </span>
      );
    case 'error':
      return (
        <button type="button" class="badge error" data-state="error" title={state.message} aria-label={`Retry capturing ${who}: ${state.message}`} onClick={(e) => { stop(e); onCapture(model); }}>
          !
        </button>
      );
    case 'checking':
    case 'unknown':
      return (
        <button type="button" class="badge add" data-state={state.kind} title={`Capture ${who} as a lead`} aria-label={`Capture ${who} as a lead`} onClick={(e) => { stop(e); onCapture(model); }}>
          +
        </button>
      );
  }
}
