import type { LostReasonsModel } from '../state/lost-reasons.ts';

/** The team's list of reasons for losing a lead: reps must pick one, so the lost leads stay comparable. */
export function LostReasonsSection({ model }: { model: LostReasonsModel }) {
  const notice = model.notice.value;
  return (
    <section class="tools" data-testid="lost-reasons-section">
      <h2>Reasons for losing a lead</h2>
      <p class="hint">One a line. A rep who marks a lead lost must pick one of these, and the lead keeps it.</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void model.save();
        }}
      >
        <textarea name="lostReasons" rows={6} value={model.draft.value} onInput={(e) => (model.draft.value = e.currentTarget.value)} />
        <div class="actions">
          <button type="submit" data-testid="save-lost-reasons" disabled={model.saving.value}>
            Save reasons
          </button>
        </div>
      </form>
      {notice && (
        <p class={`status ${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="lost-reasons-notice">
          {notice.text}
        </p>
      )}
    </section>
  );
}
