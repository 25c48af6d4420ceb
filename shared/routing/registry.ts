import { leastLoaded } from './strategies/least-loaded.ts';
import { roundRobin } from './strategies/round-robin.ts';
import { territoryMatch } from './strategies/territory.ts';
import { weightedRoundRobin } from './strategies/weighted-round-robin.ts';
import type { Strategy } from './types.ts';

/** Every routing strategy a rule may name. A new strategy is a file in strategies/ and a line here. */
export const STRATEGIES = [roundRobin, weightedRoundRobin, territoryMatch, leastLoaded] as const satisfies readonly Strategy[];

export const STRATEGY_IDS = ['round-robin', 'weighted-round-robin', 'territory', 'least-loaded'] as const;
export type StrategyId = (typeof STRATEGY_IDS)[number];

export const strategyById = (id: string): Strategy | undefined => STRATEGIES.find((s) => s.id === id);
