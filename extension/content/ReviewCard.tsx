import { ProvisionalScore } from './ProvisionalScore.tsx';
import { describeSource, edited, FIELD_LABELS, phoneChoices, REVIEW_FIELDS, type ReviewModel } from './review-state.ts';

export interface ReviewCardProps {
  model: ReviewModel;
  onSave(): void;
  onCancel(): void;
}

/**
 * The card a rep checks before a contact becomes a lead: every field editable, with where it
 * came from. Page text only ever reaches it as input values and JSX text, never as HTML.
 */
export function ReviewCard({ model, onSave, onCancel }: ReviewCardProps) {
  const saving = model.saving.value;
  const error = model.error.value;
  const provisional = model.provisional.value;
  return (
    <form
      class="review"
      aria-label="Review lead before saving"
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <header>
        <strong>New lead</strong>
        <button type="button" class="close" aria-label="Close" onClick={onCancel}>
          ×
        </button>
      </header>
      {REVIEW_FIELDS.map((field) => (
        <label key={field} class="field">
          <span class="label">{FIELD_LABELS[field]}</span>
          <input
            name={field}
            type="text"
            inputMode={field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text'}
            value={model.values[field].value}
            onInput={(e) => {
              model.values[field].value = e.currentTarget.value;
            }}
            autoComplete="off"
          />
          {/* One line, whatever it says, so that nothing below moves as the rep types. */}
          <span class="meta">
            <span class="from" data-field={field}>
              {edited(model, field) ? 'typed by you' : model.candidate[field] ? `from ${describeSource(model.candidate.provenance[field])}` : ''}
            </span>
            <FieldCheck check={(provisional?.checks as Partial<Record<string, FieldCheckValue>> | undefined)?.[field]} field={field} />
          </span>
          {field === 'phone' && <PhoneChoices model={model} />}
        </label>
      ))}
      {model.queued.value && (
        <p class="queued" role="status" data-testid="review-queued">
          {model.queued.value}
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <footer>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" class="primary" data-testid="save-lead" disabled={saving || model.queued.value !== undefined}>
          {saving ? 'Saving…' : 'Save lead'}
        </button>
      </footer>
      {/* Below the buttons: the score appears and changes without moving them under the rep's pointer. */}
      <ProvisionalScore score={provisional} />
    </form>
  );
}

/** A doubtful or wrong field, as the provisional score's checks see it; a fine one says nothing. */
type FieldCheckValue = { status: string; label: string };
function FieldCheck({ check, field }: { check: FieldCheckValue | undefined; field: string }) {
  if (!check || (check.status !== 'invalid' && check.status !== 'risky')) return null;
  return (
    <span class="check" data-field={field} data-status={check.status} title={check.label}>
      {check.label}
    </span>
  );
}

/** The contact's other numbers on the page ("+34 983 878 011, +34 659 843 463"): one click makes one the lead's phone. */
function PhoneChoices({ model }: { model: ReviewModel }) {
  const choices = phoneChoices(model);
  if (choices.length === 0) return null;
  return (
    <span class="choices" data-testid="phone-choices">
      Also listed:
      {choices.map((phone) => (
        <button
          key={phone}
          type="button"
          class="choice"
          title="Use this number for the lead"
          onClick={(e) => {
            // Inside the field's label: the click is the choice, not a way to the input.
            e.preventDefault();
            model.values.phone.value = phone;
          }}
        >
          {phone}
        </button>
      ))}
    </span>
  );
}
