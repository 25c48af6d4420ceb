import { useSignal } from '@preact/signals';
import { CONTACT_FIELD_LABELS } from '../../shared/field-labels.ts';
import type { ConflictEntry } from '../background/sync-types.ts';
import type { EditableField } from '../sync/conflict-plan.ts';
import type { SyncModel } from '../state/sync.ts';

const LABEL: Record<EditableField, string> = { ...CONTACT_FIELD_LABELS, territory: 'Territory', status: 'Status' };

const time = (iso: string) => new Date(iso).toLocaleString([], { weekday: 'short', hour: '2-digit', minute: '2-digit' });
const shown = (v: string | null) => (v === null || v === '' ? '(empty)' : v);

/** One edit that met someone else's: both values side by side, and the rep picks one per field. */
function ConflictCard({ conflict, model }: { conflict: ConflictEntry; model: SyncModel }) {
  const picks = useSignal<Partial<Record<EditableField, 'mine' | 'theirs'>>>({});
  const undecided = conflict.fields.some((f) => picks.value[f.field] === undefined);
  const others = Object.keys(conflict.patch).filter((k) => k !== 'region' && k !== 'lostReason');
  return (
    <section class="conflict" data-testid="sync-conflict" data-lead-id={conflict.leadId}>
      <h3>{conflict.leadName} changed while you were offline</h3>
      <p class="muted">Someone else changed the same {conflict.fields.length === 1 ? 'field' : 'fields'}. Nothing was overwritten: choose which value to keep.</p>
      {conflict.fields.map((f) => (
        <fieldset key={f.field} class="choice" data-field={f.field}>
          <legend>
            {LABEL[f.field]} <span class="muted">(was {shown(f.was)})</span>
          </legend>
          {(['mine', 'theirs'] as const).map((side) => (
            <label key={side} class={picks.value[f.field] === side ? 'picked' : ''}>
              <input
                type="radio"
                name={`${conflict.id}-${f.field}`}
                value={side}
                data-choice={side}
                checked={picks.value[f.field] === side}
                onChange={() => (picks.value = { ...picks.value, [f.field]: side })}
              />
              {side === 'mine' ? 'Yours: ' : 'Theirs: '}
              <strong>{shown(side === 'mine' ? f.mine : f.theirs)}</strong>
            </label>
          ))}
        </fieldset>
      ))}
      {others.length > 0 && <p class="muted">Your other changes ({others.join(', ')}) are saved with your choice.</p>}
      <button
        type="button"
        class="primary"
        data-testid="apply-choice"
        disabled={undecided || model.busy.value}
        onClick={() => void model.resolve(conflict.id, conflict.fields.filter((f) => picks.value[f.field] === 'mine').map((f) => f.field))}
      >
        Keep these values
      </button>
    </section>
  );
}

/** "3 waiting to sync", whether the popup shows the offline copy, and what needs the rep. */
export function SyncPanel({ model, staleSince }: { model: SyncModel; staleSince: string | null }) {
  const status = model.status.value;
  if (!status) return null;
  const waiting = status.waiting.length;
  const offline = status.offline || staleSince !== null;
  if (!offline && waiting === 0 && status.conflicts.length === 0 && status.rejected.length === 0) return null;
  const asOf = staleSince ?? status.syncedAt;
  return (
    <div class="sync" data-testid="sync">
      {(offline || waiting > 0) && (
        <p class={`sync-bar${offline ? ' offline' : ''}`} role="status" data-testid="sync-status">
          {offline && <span data-testid="offline">Offline{asOf && asOf !== 'never' ? `: showing your leads as of ${time(asOf)}` : ''}. </span>}
          {waiting > 0 && <span data-testid="waiting">{waiting} waiting to sync</span>}
          {waiting > 0 && (
            <button type="button" class="link" data-testid="sync-now" disabled={model.busy.value} onClick={() => void model.syncNow()}>
              {model.busy.value ? 'Syncing…' : 'Sync now'}
            </button>
          )}
        </p>
      )}
      {waiting > 0 && (
        <details class="waiting">
          <summary>What waits</summary>
          <ol>
            {status.waiting.map((w) => (
              <li key={w.id} title={w.lastError ?? ''}>
                {w.text} <span class="muted">· {time(w.queuedAt)}</span>
              </li>
            ))}
          </ol>
        </details>
      )}
      {status.conflicts.map((c) => (
        <ConflictCard key={c.id} conflict={c} model={model} />
      ))}
      {status.rejected.map((r) => (
        <p key={r.id} class="notice error" data-testid="rejected">
          Not saved: {r.text}. {r.message}{' '}
          <button type="button" class="link" onClick={() => void model.dismiss(r.id)}>
            Dismiss
          </button>
        </p>
      ))}
      {model.error.value && <p class="notice error">{model.error.value}</p>}
    </div>
  );
}
