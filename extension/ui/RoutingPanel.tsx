import { useEffect } from 'preact/hooks';
import { describeMove, describeRule, type RoutingModel } from '../state/routing-panel.ts';

const when = (iso: string) => new Date(iso).toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** How new leads are pushed: the rules in order, auto-assignment on or off, and the latest moves with their reasons. */
export function RoutingPanel({ model, nameOf, open }: { model: RoutingModel; nameOf(id: string): string; open(id: string): void }) {
  useEffect(() => {
    void model.load();
  }, [model]);
  const config = model.config.value;
  if (!config) return model.error.value ? <p class="notice error">{model.error.value}</p> : null;
  const hours = config.sla.hours === undefined ? 'the server’s default hours' : `${config.sla.hours} h`;
  const byGrade = Object.entries(config.sla.byGrade).map(([g, h]) => `${g} ${h} h`);
  return (
    <section class="routing" data-testid="routing">
      <h3>Routing</h3>
      <label class="auto-assign">
        <input type="checkbox" name="autoAssign" checked={config.autoAssign} disabled={model.busy.value || config.rules.length === 0} onChange={(e) => void model.setAutoAssign(e.currentTarget.checked)} />
        Route new leads (captures, imports, forms) by these rules as they arrive
      </label>
      {config.rules.length === 0 ? (
        <p class="hint">No rules yet, so new leads wait in the queue. Write them with <code>npx leadsync routing rules --set FILE.json</code>.</p>
      ) : (
        <ol class="rules" data-testid="routing-rules">
          {config.rules.map((r) => (
            <li key={r.id}>{describeRule(r, nameOf)}</li>
          ))}
        </ol>
      )}
      <p class="hint">
        Contact within {hours}
        {byGrade.length ? ` (${byGrade.join(', ')})` : ''}, else the lead goes {config.sla.onLapse === 'lead' && config.sla.escalateTo ? `to ${nameOf(config.sla.escalateTo)}` : 'back to the queue'}.
      </p>
      {model.log.value.length > 0 && (
        <>
          <h4>Latest moves</h4>
          <ul class="moves" data-testid="routing-log">
            {model.log.value.map((e) => (
              <li key={e.id}>
                <button type="button" class="link" onClick={() => open(e.leadId)}>
                  {describeMove(e, nameOf)}
                </button>{' '}
                <span class="muted">
                  {when(e.at)} · {e.reason}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {model.error.value && <p class="notice error">{model.error.value}</p>}
    </section>
  );
}
