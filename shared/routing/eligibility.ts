import type { Rep, RoutableLead } from './types.ts';

/** Away with no end date, or until a moment still to come. */
export const isAwayAt = (settings: { away?: boolean | undefined; awayUntil?: string | null | undefined }, now: Date): boolean =>
  settings.away === true && (!settings.awayUntil || Date.parse(settings.awayUntil) > now.getTime());

/**
 * A lead with a territory goes to reps who cover it; a rep with no territories covers every
 * territory (a generalist), and a lead without one is open to everybody.
 */
export const coversTerritory = (territories: readonly string[], territory: string | undefined): boolean =>
  territory === undefined || territories.length === 0 || territories.includes(territory);

export const hasRoom = (rep: Pick<Rep, 'open' | 'capacity'>): boolean => rep.open < rep.capacity;

export type Ineligible = 'away' | 'at capacity' | 'outside territory';

/** Why a rep may not receive this lead by push, or null when they may. */
export function whyIneligible(rep: Rep, lead: RoutableLead): Ineligible | null {
  if (rep.away) return 'away';
  if (!hasRoom(rep)) return 'at capacity';
  if (!coversTerritory(rep.territories, lead.territory)) return 'outside territory';
  return null;
}

/** The reps a rule may hand this lead to, in a stable order (by id) that rotations rely on. */
export const eligibleReps = (reps: readonly Rep[], lead: RoutableLead): Rep[] =>
  reps.filter((rep) => whyIneligible(rep, lead) === null).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
