import type { Grade, Source } from '../schemas/lead.ts';

type SourceKind = Source['kind'];

/** A rep as routing sees them: settings plus their current load. */
export interface Rep {
  id: string;
  weight: number;
  capacity: number;
  /** Open leads the rep holds now. */
  open: number;
  /** Away now (an away-until date in the past counts as back). */
  away: boolean;
  territories: readonly string[];
  tags: readonly string[];
}

/** What routing needs to know about a lead. */
export interface RoutableLead {
  id: string;
  territory?: string | undefined;
  grade: Grade;
  score: number;
  sourceKind: SourceKind;
}

/**
 * What a strategy remembers between assignments, per rule: the last rep it picked (the
 * round-robin position) and, for weighted round-robin, each eligible rep's running credit.
 */
export interface StrategyState {
  last?: string | undefined;
  credit?: Record<string, number> | undefined;
}

export interface Pick {
  repId: string;
  state: StrategyState;
  /** Why this rep, in words for the routing log. */
  why: string;
  /** The rep's place in the rotation (0-based) when the strategy rotates. */
  position?: number | undefined;
}

/**
 * A routing strategy: given the eligible reps (sorted by id, never empty), the lead and the
 * rule's state, pick one rep, or null when the strategy does not apply to this lead.
 */
export interface Strategy {
  id: string;
  label: string;
  pick(reps: readonly Rep[], lead: RoutableLead, state: StrategyState): Pick | null;
}
