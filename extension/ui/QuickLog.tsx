import { useSignal } from '@preact/signals';
import { CALL_OUTCOMES } from '../../shared/schemas/activity.ts';
import { followUpChoices } from '../state/follow-up-choices.ts';
import type { ActivityDraft, PopupModel } from '../state/popup.ts';

const OUTCOMES: { label: string; draft: ActivityDraft }[] = [
  ...CALL_OUTCOMES.map((outcome) => ({ label: outcome.replace('_', ' ').replace(/^./, (c) => c.toUpperCase()), draft: { type: 'call' as const, outcome } })),
  { label: 'Emailed', draft: { type: 'email' } },
  { label: 'Met', draft: { type: 'meeting' } },
  { label: 'Note', draft: { type: 'note' } },
];

/** Logging in two clicks: what happened, then when to follow up (or not). */
export function QuickLog({ model }: { model: PopupModel }) {
  const picked = useSignal<{ label: string; draft: ActivityDraft } | null>(null);
  const note = useSignal('');
  const choice = picked.value;
  const log = async (followUpAt: string | null) => {
    if (!choice) return;
    const text = note.value.trim();
    const ok = await model.logActivity({ ...choice.draft, ...(text ? { note: text } : {}), ...(followUpAt ? { followUpAt } : {}) });
    if (ok) {
      picked.value = null;
      note.value = '';
    }
  };
  return (
    <section class="quick-log" aria-label="Log an activity">
      <h3>{choice ? `${choice.label}: follow up?` : 'Log what happened'}</h3>
      {!choice ? (
        <div class="chips" data-testid="outcomes">
          {OUTCOMES.map((o) => (
            <button type="button" key={o.label} class="chip" data-outcome={o.draft.outcome ?? o.draft.type} onClick={() => (picked.value = o)}>
              {o.label}
            </button>
          ))}
        </div>
      ) : (
        <>
          <div class="chips" data-testid="follow-ups">
            {followUpChoices(model.now()).map((c) => (
              <button type="button" key={c.label} class={`chip${c.at ? '' : ' plain'}`} data-follow-up={c.label} disabled={model.saving.value} onClick={() => void log(c.at)}>
                {c.label}
              </button>
            ))}
          </div>
          <textarea class="note" placeholder="Add a note (optional)" value={note.value} maxLength={5000} onInput={(e) => (note.value = e.currentTarget.value)} />
          <button type="button" class="link" onClick={() => (picked.value = null)}>
            Back
          </button>
        </>
      )}
    </section>
  );
}
