import { useEffect } from 'preact/hooks';
import { LEAD_STATUSES } from '../../shared/schemas/lead.ts';
import type { MyLeadsModel } from '../state/my-leads.ts';

/** The rep's own leads, filtered by status or by follow-ups due today, and searchable. */
export function MyLeads({ model, open }: { model: MyLeadsModel; open(id: string): void }) {
  useEffect(() => {
    void model.load();
  }, [model]);
  // Typing searches as the rep types, once they pause.
  useEffect(() => {
    const timer = setTimeout(() => void model.load(), 250);
    return () => clearTimeout(timer);
  }, [model, model.q.value]);

  return (
    <section class="my-leads" data-testid="my-leads">
      <div class="filters">
        <input type="search" name="q" placeholder="Search name, email, company…" value={model.q.value} onInput={(e) => (model.q.value = e.currentTarget.value)} />
        <select
          name="status"
          aria-label="Status"
          disabled={model.dueToday.value}
          value={model.status.value}
          onChange={(e) => {
            model.status.value = e.currentTarget.value as typeof model.status.value;
            void model.load();
          }}
        >
          <option value="">Any status</option>
          {LEAD_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <label class="check">
          <input
            type="checkbox"
            name="dueToday"
            checked={model.dueToday.value}
            onChange={(e) => {
              model.dueToday.value = e.currentTarget.checked;
              void model.load();
            }}
          />
          Due today
        </label>
      </div>
      {model.error.value && <p class="notice error">{model.error.value}</p>}
      {model.rows.value.length === 0 && !model.loading.value ? (
        <p class="empty">{model.dueToday.value ? 'No follow-ups due today.' : 'No leads match.'}</p>
      ) : (
        <ul class="rows">
          {model.rows.value.map((r) => (
            <li key={r.id}>
              <button type="button" class="row" data-lead-id={r.id} onClick={() => open(r.id)}>
                <span class="row-main">
                  <strong>{r.name}</strong>
                  {r.company && <span class="muted"> · {r.company}</span>}
                </span>
                <span class="row-side">
                  {r.due ? (
                    <span class="due">{new Date(r.due).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}</span>
                  ) : (
                    <>
                      <span class={`pill status-${r.status}`}>{r.status}</span> <span class={`mini grade-${r.grade?.toLowerCase()}`}>{r.grade}{r.score}</span>
                    </>
                  )}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {model.cursor.value && (
        <button type="button" class="link" disabled={model.loading.value} onClick={() => void model.load(true)}>
          Show more
        </button>
      )}
    </section>
  );
}
