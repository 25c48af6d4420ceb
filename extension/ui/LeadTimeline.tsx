import type { Activity } from '../../shared/schemas/activity.ts';
import { describeActivity, type HistoryEntry } from '../state/popup.ts';

const when = (iso: string) => new Date(iso).toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
const show = (v: unknown): string => (v === null || v === undefined || v === '' ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

/** What was done with the lead, and every change to it: who, when, old → new. */
export function LeadTimeline({ activities, history, nameOf }: { activities: Activity[]; history: HistoryEntry[]; nameOf(id: string): string }) {
  return (
    <>
      <section class="timeline" aria-label="Activities">
        <h3>Activities</h3>
        {activities.length === 0 ? (
          <p class="empty">Nothing logged yet.</p>
        ) : (
          <ul data-testid="activities">
            {[...activities].reverse().map((a) => (
              <li key={a.id}>
                <strong>{describeActivity(a)}</strong> <span class="muted">{when(a.at)}</span>
                {a.followUpAt && <span class="follow"> · follow up {when(a.followUpAt)}</span>}
                {a.note && <p class="note-text">{a.note}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <details class="timeline" data-testid="history">
        <summary>History ({history.length})</summary>
        <ul>
          {[...history].reverse().map((h) => (
            <li key={h.id}>
              <span class="muted">
                {when(h.at)} · {nameOf(h.by)} · {h.action}
                {h.note ? ` · ${h.note}` : ''}
              </span>
              {h.changes.map((c, i) => (
                <div key={i} class="change">
                  {c.field}: {show(c.from)} → {show(c.to)}
                </div>
              ))}
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}
