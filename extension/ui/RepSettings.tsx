import type { RepSettingsModel } from '../state/rep-settings.ts';

/** A team lead's form for one rep's availability, cap, weight, territories and tags. */
export function RepSettings({ model }: { model: RepSettingsModel }) {
  const user = model.editing.value;
  const form = model.form.value;
  return (
    <>
      {user && form && (
        <form
          class="rep-settings"
          data-testid="rep-settings"
          aria-label={`Settings for ${user.name}`}
          onSubmit={(e) => {
            e.preventDefault();
            void model.save();
          }}
        >
          <h4>{user.name}</h4>
          <div class="availability" role="radiogroup" aria-label="Availability">
            <label>
              <input type="radio" name="availability" value="available" checked={!form.away} onChange={() => model.change({ away: false })} /> Available
            </label>
            <label>
              <input type="radio" name="availability" value="away" checked={form.away} onChange={() => model.change({ away: true })} /> Away
            </label>
            {form.away && (
              <label>
                until <input type="date" name="until" value={form.until} onInput={(e) => model.change({ until: e.currentTarget.value })} />
              </label>
            )}
          </div>
          <p class="hint">While away, the routing rules skip {user.name}; nothing that arrives meanwhile is saved up for the return.</p>
          <label>
            Cap (open leads) <input type="number" name="capacity" min={0} max={10000} step={1} value={form.capacity} onInput={(e) => model.change({ capacity: e.currentTarget.value })} />
          </label>
          <label>
            Weight <input type="number" name="weight" min={0} max={100} step={0.5} value={form.weight} onInput={(e) => model.change({ weight: e.currentTarget.value })} />
          </label>
          <label>
            Territories <input type="text" name="territories" placeholder="EMEA, US-CA (empty: all)" value={form.territories} onInput={(e) => model.change({ territories: e.currentTarget.value })} />
          </label>
          <label>
            Tags <input type="text" name="tags" placeholder="senior, smb" value={form.tags} onInput={(e) => model.change({ tags: e.currentTarget.value })} />
          </label>
          <div class="actions">
            <button type="submit" class="primary" disabled={model.saving.value}>
              {model.saving.value ? 'Saving…' : 'Save'}
            </button>
            <button type="button" onClick={() => model.edit(null)}>
              Cancel
            </button>
          </div>
          {model.error.value && (
            <p class="notice error" role="alert">
              {model.error.value}
            </p>
          )}
        </form>
      )}
      {model.notice.value && (
        <p class="notice ok" role="status" data-testid="rep-settings-saved">
          {model.notice.value}
        </p>
      )}
    </>
  );
}
