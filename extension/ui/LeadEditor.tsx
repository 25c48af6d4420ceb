import { useSignal } from '@preact/signals';
import { TRANSITIONS } from '../../shared/pipeline.ts';
import type { Lead, LeadStatus } from '../../shared/schemas/lead.ts';
import type { Patch, PopupModel } from '../state/popup.ts';

const FIELDS = [
  ['name', 'Name'],
  ['title', 'Title'],
  ['company', 'Company'],
  ['email', 'Email'],
  ['phone', 'Phone'],
  ['website', 'Website'],
  ['address', 'Address'],
] as const;

/** The lead's fields as a form. Only the fields the rep changed are sent, with the version they started from. */
export function LeadEditor({ lead, model, onDone }: { lead: Lead; model: PopupModel; onDone(): void }) {
  const values = useSignal<Record<string, string>>(Object.fromEntries(FIELDS.map(([f]) => [f, lead[f] ?? ''])));
  const status = useSignal<LeadStatus>(lead.status);
  const reason = useSignal('');
  const statuses: LeadStatus[] = [lead.status, ...TRANSITIONS[lead.status].filter((s) => s !== 'new' && s !== 'assigned')];

  const submit = async (e: Event) => {
    e.preventDefault();
    const patch: Patch = {};
    for (const [field] of FIELDS) {
      const v = (values.value[field] ?? '').trim();
      if (v !== (lead[field] ?? '')) patch[field] = v === '' ? null : v;
    }
    if (status.value !== lead.status) {
      patch.status = status.value;
      if (status.value === 'lost') patch.lostReason = reason.value;
    }
    if (Object.keys(patch).length === 0) return onDone();
    if (await model.save(patch)) onDone();
  };

  return (
    <form class="editor" onSubmit={(e) => void submit(e)} data-testid="lead-editor">
      {FIELDS.map(([field, label]) => (
        <label key={field}>
          {label}
          <input name={field} value={values.value[field]} onInput={(e) => (values.value = { ...values.value, [field]: e.currentTarget.value })} />
        </label>
      ))}
      <label>
        Status
        <select name="status" value={status.value} onChange={(e) => (status.value = e.currentTarget.value as LeadStatus)}>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      {status.value === 'lost' && (
        <label>
          Why was it lost?
          <select name="lostReason" required value={reason.value} onChange={(e) => (reason.value = e.currentTarget.value)}>
            <option value="">Pick a reason</option>
            {model.lostReasons.value.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
      )}
      {model.conflict.value && (
        <p class="notice error" role="alert" data-testid="conflict">
          {model.conflict.value}{' '}
          <button type="button" class="link" onClick={() => void model.reload().then(onDone)}>
            Reload lead
          </button>
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" data-testid="save-lead" disabled={model.saving.value}>
          {model.saving.value ? 'Saving…' : 'Save'}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
