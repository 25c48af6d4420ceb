import type { ScoreReason } from '../schemas/lead.ts';
import type { CheckStatus, Firmographics, NaiveBayesModel, QualityField, ScoringRules } from '../schemas/scoring.ts';

/** The groups that rules add points to; `predicted` comes from the model, not from a rule. */
export type ScoreGroup = Exclude<ScoreReason['group'], 'predicted'>;

/** What a rule sees: the lead's normalised contact fields, its activities, and the team's settings. */
export interface ScoringInput {
  name?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  title?: string | undefined;
  company?: string | undefined;
  website?: string | undefined;
  address?: string | undefined;
  source?: { kind: string } | undefined;
  activities: readonly { type: string; outcome?: string | undefined; at: string }[];
  now: Date;
  /** The team's fit and engagement rules; the defaults when absent. */
  rules?: ScoringRules | undefined;
  /** What an enrichment provider knows about the lead's company. */
  enrichment?: Firmographics | undefined;
  /** The trained model, if the team has one. */
  model?: NaiveBayesModel | undefined;
}

/** A rule's input once the defaults are filled in. */
export type RuleInput = ScoringInput & { rules: ScoringRules };

export interface RuleHit {
  label: string;
  points: number;
  /** For quality rules: what this finding says about the rule's field. */
  status?: CheckStatus;
}

/** One scoring rule: a file in rules/, listed once in registry.ts. */
export interface ScoringRule {
  id: string;
  group: ScoreGroup;
  /** The contact field a quality rule verifies. */
  field?: QualityField;
  evaluate(input: RuleInput): RuleHit | RuleHit[] | null;
}
