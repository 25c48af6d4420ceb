import type { ScoreReason } from '../schemas/lead.ts';

export type ScoreGroup = ScoreReason['group'];

/** What a rule sees: the lead's normalised contact fields and its activities. */
export interface ScoringInput {
  name?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  title?: string | undefined;
  company?: string | undefined;
  website?: string | undefined;
  address?: string | undefined;
  activities: readonly { type: string; outcome?: string | undefined; at: string }[];
  now: Date;
}

export interface RuleHit {
  label: string;
  points: number;
}

/** One scoring rule: a file in rules/, listed once in registry.ts. */
export interface ScoringRule {
  id: string;
  group: ScoreGroup;
  evaluate(input: ScoringInput): RuleHit | RuleHit[] | null;
}
