import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { TeamUser } from '../background/handlers.ts';
import { awayLabel, repChoices } from '../state/rep-choices.ts';
import type { TeamModel } from '../state/team.ts';
import { BarChart, LoadBar } from './charts.tsx';
import { RepSettings } from './RepSettings.tsx';
import { RoutingPanel } from './RoutingPanel.tsx';

const minutes = (m: number | null): string => (m === null ? '—' : m < 60 ? `${m} min` : m < 1440 ? `${Math.round(m / 60)} h` : `${Math.round(m / 1440)} d`);
const pct = (x: number | null): string => (x === null ? '' : `${Math.round(x * 100)}%`);

/** The team lead's summary with small charts, and push-assignment from the queue. */
export function TeamTab({ model, open }: { model: TeamModel; open(id: string): void }) {
  useEffect(() => {
    void model.load();
  }, [model]);
  const pickedLead = useSignal('');
  const pickedRep = useSignal('');
  const s = model.summary.value;
  if (model.error.value && !s) return <p class="notice error" role="alert">{model.error.value}</p>;
  if (!s) return <p class="empty">Loading the team summary…</p>;

  return (
    <section class="team" data-testid="team">
      <p class="muted small as-of">
        As of {new Date(s.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })} ·{' '}
        <button type="button" class="link" data-testid="refresh-team" disabled={model.busy.value} onClick={() => void model.load()}>
          Refresh
        </button>
      </p>
      <div class="tiles">
        <div class="tile" data-testid="queue-depth">
          <strong>{s.queue.depth}</strong>
          <span>in queue · oldest {minutes(s.queue.oldestMinutes)}</span>
        </div>
        <div class="tile" data-testid="new-today">
          <strong>{s.newLeads.today}</strong>
          <span>new today · {s.newLeads.week} this week</span>
        </div>
        <div class={`tile${s.sla.breachedNow > 0 ? ' alert' : ''}`} data-testid="sla-now">
          <strong>{s.sla.breachedNow}</strong>
          <span>past contact-by · {s.sla.weekTotal} in 7 days</span>
        </div>
      </div>

      <h3>Queue age</h3>
      <BarChart
        title="Unassigned leads by age"
        bars={[
          { label: '< 1 h', value: s.queue.age.underHour },
          { label: '< 1 day', value: s.queue.age.underDay },
          { label: '< 1 week', value: s.queue.age.underWeek },
          { label: 'older', value: s.queue.age.older, tone: 'warn' },
        ]}
      />

      <h3>Reps</h3>
      <table class="reps" data-testid="reps">
        <thead>
          <tr>
            <th>Rep</th>
            <th>Load</th>
            <th title="Contacted today">Today</th>
            <th title="Conversions">Won</th>
            <th title="Median time to first contact">1st contact</th>
          </tr>
        </thead>
        <tbody>
          {s.reps.map((r) => (
            <tr key={r.userId} data-rep={r.name}>
              <td>
                <RepName name={r.name} user={model.reps.value.find((u) => u.id === r.userId)} edit={model.settings.edit} />
                {r.away && <span class="pill away" data-testid="away"> {awayLabel(r)}</span>}
                {r.role === 'rep' && (
                  <button
                    type="button"
                    class="link away-toggle"
                    data-testid="toggle-away"
                    title={r.away ? 'Back now: routing includes them again' : 'Away until further notice: routing skips them'}
                    disabled={model.busy.value}
                    onClick={() => void model.setAway(r.userId, !r.away)}
                  >
                    {r.away ? 'Back' : 'Away'}
                  </button>
                )}
              </td>
              <td>
                <LoadBar open={r.openLeads} capacity={r.capacity} /> <span class="muted">{r.openLeads}/{r.capacity}</span>
              </td>
              <td>{r.contactedToday}</td>
              <td>{r.conversions}</td>
              <td>{minutes(r.medianMinutesToFirstContact)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <RepSettings model={model.settings} />

      <RoutingPanel model={model.routing} nameOf={(id) => model.people.value[id] ?? (id === 'system' ? 'the rules' : id)} open={open} />

      <h3>Funnel</h3>
      <BarChart title="Leads that reached each stage" bars={s.funnel.stages.map((st) => ({ label: st.stage, value: st.reached }))} />
      <p class="muted small" data-testid="funnel-rates">
        {s.funnel.stages
          .filter((st) => st.toNext !== null)
          .map((st) => `${st.stage}→ ${pct(st.toNext)}`)
          .join(' · ')}{' '}
        · lost {s.funnel.byStatus.lost}
      </p>

      <h3>New leads this week</h3>
      <BarChart title="New leads by grade" bars={(['A', 'B', 'C', 'D'] as const).map((g) => ({ label: g, value: s.scoreMix.byGrade[g], tone: `grade-${g.toLowerCase()}` }))} />
      <BarChart title="New leads by source" bars={(['page', 'email', 'form', 'import'] as const).map((k) => ({ label: k, value: s.scoreMix.bySource[k] }))} />

      <h3>SLA breaches, last 7 days</h3>
      <BarChart title="Contact-by deadlines missed per day" bars={s.sla.lastSevenDays.map((d) => ({ label: d.day.slice(8), value: d.count, tone: 'warn' }))} />

      <h3>Assign from the queue</h3>
      {model.queue.value.length === 0 ? (
        <p class="empty">The queue is empty.</p>
      ) : (
        <form
          class="assign"
          data-testid="assign"
          onSubmit={(e) => {
            e.preventDefault();
            if (pickedLead.value && pickedRep.value) void model.assign(pickedLead.value, pickedRep.value);
          }}
        >
          <select name="leadId" aria-label="Lead" required value={pickedLead.value} onChange={(e) => (pickedLead.value = e.currentTarget.value)}>
            <option value="">Pick a lead</option>
            {model.queue.value.map((l) => (
              <option key={l.id} value={l.id}>
                {l.score.grade}
                {l.score.total} · {l.name ?? l.email ?? l.phone}
                {l.company ? `, ${l.company}` : ''}
              </option>
            ))}
          </select>
          <select name="userId" aria-label="Rep" required value={pickedRep.value} onChange={(e) => (pickedRep.value = e.currentTarget.value)}>
            <option value="">Pick a rep</option>
            {repChoices(s.reps, new Set(model.reps.value.map((r) => r.id))).map((r) => (
              <option key={r.id} value={r.id} disabled={r.full}>
                {r.label}
              </option>
            ))}
          </select>
          <button type="submit" class="primary" disabled={model.busy.value}>
            Assign
          </button>
          {pickedLead.value && (
            <button type="button" class="link" onClick={() => open(pickedLead.value)}>
              View lead
            </button>
          )}
        </form>
      )}
      {model.assigned.value && (
        <p class="notice ok" role="status">
          {model.assigned.value}
        </p>
      )}
      {model.error.value && <p class="notice error">{model.error.value}</p>}
    </section>
  );
}

/** A rep's name; for a rep the team lead may change, a button that opens their settings. */
function RepName({ name, user, edit }: { name: string; user: TeamUser | undefined; edit(u: TeamUser): void }) {
  if (!user) return <>{name}</>;
  return (
    <button type="button" class="link rep-name" title={`Availability, cap and territories of ${name}`} onClick={() => edit(user)}>
      {name}
    </button>
  );
}
