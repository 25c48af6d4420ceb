import type { Lead } from '../../shared/schemas/lead.ts';
import type { Deps } from '../deps.ts';
import { publicLead } from '../repos/leads.ts';

/**
 * The queue as a team lead picks from it: the best waiting leads in Next lead order (snoozed ones
 * left out), and how many wait in all. Read from the queue's index, never a scan of the leads.
 */
export function queuePeek(deps: Deps, limit: number): { depth: number; leads: Lead[] } {
  const now = deps.now();
  return { depth: deps.repos.queue.depth(now), leads: deps.repos.queue.peek(limit, now).map(publicLead) };
}
