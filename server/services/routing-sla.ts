import type { Deps } from '../deps.ts';
import { moveLead, routingConfigOf } from './routing-moves.ts';

/**
 * Takes back every lead whose contact-by deadline has passed: to the queue, or to the team
 * lead the SLA names. The deadline is stored on the lead, so a lapse that fell while the
 * server was down is caught by the first sweep after the start.
 */
export function sweepLapsed(deps: Deps): Promise<number> {
  const now = deps.now();
  return deps.store.transact((tx) => {
    const { sla } = routingConfigOf(deps);
    const target = sla.onLapse === 'lead' && sla.escalateTo ? deps.repos.users.get(sla.escalateTo) : undefined;
    let n = 0;
    for (const lead of deps.repos.deadlines.lapsed(now)) {
      const owner = lead.ownerId ? deps.repos.users.get(lead.ownerId) : undefined;
      const reason = `SLA lapse: ${owner?.name ?? 'the owner'} did not make contact by ${lead.contactBy}`;
      if (target?.active && target.id !== lead.ownerId) {
        moveLead(deps, tx, lead, { to: target.id, by: 'system', kind: 'escalated', reason: `${reason}; escalated to ${target.name}`, deadline: false }, now);
      } else {
        moveLead(deps, tx, lead, { to: null, by: 'system', kind: 'returned', reason: `${reason}; back in the queue` }, now);
      }
      n++;
    }
    return n;
  });
}

/** Sweeps at start and then every `everyMs`; never keeps the process alive. */
export function startSlaTimer(deps: Deps, everyMs = 30_000): () => void {
  const run = () => {
    sweepLapsed(deps)
      .then((n) => {
        if (n > 0) deps.log.info('returned leads past their contact-by deadline', { count: n });
      })
      .catch((err: unknown) => deps.log.error('SLA sweep failed', { err: String(err) }));
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
