import { TRPCError } from '@trpc/server';
import { leadFeatures } from '../../shared/scoring/predict/features.ts';
import { trainNaiveBayes, type Example } from '../../shared/scoring/predict/naive-bayes.ts';
import { computeScore } from '../../shared/scoring/score.ts';
import type { EnrichmentProvider } from '../../shared/scoring/enrichment.ts';
import type { Activity } from '../../shared/schemas/activity.ts';
import type { Score } from '../../shared/schemas/lead.ts';
import { DEFAULT_SCORING_RULES, MIN_OUTCOMES, naiveBayesModel, scoringRules, type Firmographics, type NaiveBayesModel, type ScoringRules } from '../../shared/schemas/scoring.ts';
import type { Deps } from '../deps.ts';
import { newId } from '../ids.ts';
import type { LeadRecord, Store, UserRecord } from '../store/types.ts';
import { enrichLead, enrichmentProviders } from './enrichment.ts';

export const RULES_KEY = 'scoring.rules';
export const MODEL_KEY = 'scoring.model';
/** A model needs some of each outcome to tell them apart. */
export const MIN_PER_CLASS = 5;

interface ScoringState {
  rules: ScoringRules | undefined;
  model: NaiveBayesModel | null | undefined;
  /** Converted and lost leads, kept by a change listener so no rescore has to count them. */
  outcomes: number;
  providers: EnrichmentProvider[];
}

const states = new WeakMap<Store, ScoringState>();
const isOutcome = (lead: LeadRecord | undefined) => lead !== undefined && (lead.status === 'converted' || lead.status === 'lost');

/** The rules, model and outcome count, read once and refreshed when they change. */
function stateOf(deps: Deps): ScoringState {
  let state = states.get(deps.store);
  if (state) return state;
  const fresh: ScoringState = { rules: undefined, model: undefined, outcomes: 0, providers: enrichmentProviders(deps) };
  deps.store.onChange('config', (prev, next) => {
    const id = (next ?? prev)?.id;
    if (id === RULES_KEY) fresh.rules = undefined;
    if (id === MODEL_KEY) fresh.model = undefined;
  });
  deps.store.onChange('leads', (prev, next) => {
    fresh.outcomes += Number(isOutcome(next)) - Number(isOutcome(prev));
  });
  states.set(deps.store, fresh);
  state = fresh;
  return state;
}

export function currentRules(deps: Deps): ScoringRules {
  const state = stateOf(deps);
  return (state.rules ??= deps.repos.config.get(RULES_KEY, scoringRules, DEFAULT_SCORING_RULES));
}

export function currentModel(deps: Deps): NaiveBayesModel | undefined {
  const state = stateOf(deps);
  if (state.model === undefined) state.model = deps.repos.config.get(MODEL_KEY, naiveBayesModel.nullable(), null);
  return state.model ?? undefined;
}

export const outcomeCount = (deps: Deps): number => stateOf(deps).outcomes;

export function enrichmentOf(deps: Deps, lead: Pick<LeadRecord, 'website' | 'email' | 'company'>): Firmographics | undefined {
  return enrichLead(stateOf(deps).providers, lead);
}

/** The authoritative score of a lead, with the team's rules, its enrichment and the trained model. */
export function scoreLead(deps: Deps, lead: Omit<LeadRecord, 'score'>, activities: readonly Activity[], now: Date): Score {
  return computeScore({
    ...lead,
    activities,
    now,
    rules: currentRules(deps),
    model: currentModel(deps),
    enrichment: enrichmentOf(deps, lead),
  });
}

/** Equal but for `scoredAt`: then the lead need not be written again. */
function sameScore(a: Score, b: Score): boolean {
  if (a.total !== b.total || a.quality !== b.quality || a.fit !== b.fit || a.engagement !== b.engagement || a.predicted !== b.predicted || a.version !== b.version) return false;
  if (a.reasons.length !== b.reasons.length) return false;
  for (let i = 0; i < a.reasons.length; i++) {
    const x = a.reasons[i];
    const y = b.reasons[i];
    if (!x || !y || x.label !== y.label || x.points !== y.points || x.group !== y.group) return false;
  }
  return JSON.stringify(a.checks) === JSON.stringify(b.checks) && JSON.stringify(a.prediction) === JSON.stringify(b.prediction);
}

/** Who or what made every lead be rescored, for the history of each lead whose score moved. */
export interface RescoreCause {
  by: string;
  note: string;
}

/**
 * Rescores every lead after the rules, the model or the firmographics change, in transactions of
 * `batch` leads with a turn of the event loop between them, so that captures and claims are
 * served meanwhile. It waits for durability once at the end, so that group commit folds the
 * batches into few snapshots. A lead whose score did not change is not written. The version is
 * not bumped: a rescore is not an edit, and must not turn a rep's pending edit into a CONFLICT.
 */
export async function rescoreAll(deps: Deps, batch = 1000, cause: RescoreCause = { by: 'system', note: 'rescored' }): Promise<{ leads: number; changed: number }> {
  const ids = Array.from(deps.store.values('leads'), (l) => l.id);
  const pending: Promise<number>[] = [];
  for (let i = 0; i < ids.length; i += batch) {
    const now = deps.now();
    pending.push(
      deps.store.transact((tx) => {
        let n = 0;
        for (const id of ids.slice(i, i + batch)) {
          const lead = deps.repos.leads.get(id);
          if (!lead) continue;
          const score = scoreLead(deps, lead, deps.repos.activities.forLead(id), now);
          if (sameScore(score, lead.score)) continue;
          deps.repos.leads.put(tx, { ...lead, score });
          n++;
          // The card's history answers "why did this lead's score move?" even when nobody touched the lead.
          if (score.total !== lead.score.total || score.grade !== lead.score.grade) {
            deps.repos.history.add(tx, {
              id: newId('hst', now),
              leadId: id,
              at: now.toISOString(),
              by: cause.by,
              action: 'rescored',
              changes: [{ field: 'score', from: `${lead.score.grade} ${lead.score.total}`, to: `${score.grade} ${score.total}` }],
              note: cause.note,
            });
          }
        }
        return n;
      }),
    );
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const changed = (await Promise.all(pending)).reduce((a, n) => a + n, 0);
  return { leads: ids.length, changed };
}

export function getRules(deps: Deps): ScoringRules {
  return currentRules(deps);
}

export async function setRules(deps: Deps, user: UserRecord, rules: ScoringRules): Promise<{ rules: ScoringRules; rescored: number }> {
  const now = deps.now();
  await deps.store.transact((tx) => deps.repos.config.put(tx, RULES_KEY, rules, user.id, now));
  const { changed } = await rescoreAll(deps, undefined, { by: user.id, note: 'the scoring rules changed' });
  deps.log.info('scoring rules changed', { by: user.id, rescored: changed });
  return { rules: currentRules(deps), rescored: changed };
}

export interface TrainResult {
  trained: boolean;
  outcomes: number;
  converted: number;
  lost: number;
  message: string;
  trainedAt?: string;
  rescored?: number;
}

/** The team's converted and lost leads, as the model sees them. */
export function trainingExamples(deps: Deps): Example[] {
  const examples: Example[] = [];
  for (const lead of deps.store.values('leads')) {
    if (!isOutcome(lead)) continue;
    const activities = deps.repos.activities.forLead(lead.id);
    const input = { ...lead, activities, now: deps.now(), enrichment: enrichmentOf(deps, lead) };
    examples.push({ features: leadFeatures(input, lead.score.engagement), won: lead.status === 'converted' });
  }
  return examples;
}

/** Trains the model on the team's outcomes and rescores every lead with it; too few outcomes change nothing. */
export async function trainModel(deps: Deps, by: string): Promise<TrainResult> {
  const examples = trainingExamples(deps);
  const converted = examples.filter((e) => e.won).length;
  const lost = examples.length - converted;
  const base = { outcomes: examples.length, converted, lost };
  if (examples.length < MIN_OUTCOMES || converted < MIN_PER_CLASS || lost < MIN_PER_CLASS) {
    return {
      ...base,
      trained: false,
      message: `Not trained: the model needs ${MIN_OUTCOMES} outcomes with at least ${MIN_PER_CLASS} converted and ${MIN_PER_CLASS} lost; the team has ${converted} converted and ${lost} lost`,
    };
  }
  const now = deps.now();
  const model = trainNaiveBayes(examples, now);
  await deps.store.transact((tx) => deps.repos.config.put(tx, MODEL_KEY, model, by, now));
  const { changed } = await rescoreAll(deps, undefined, { by, note: `the model was retrained on ${examples.length} outcomes` });
  deps.log.info('scoring model trained', { by, outcomes: examples.length, rescored: changed });
  return { ...base, trained: true, trainedAt: model.trainedAt, rescored: changed, message: `Trained on ${examples.length} outcomes (${converted} converted, ${lost} lost)` };
}

export function modelStatus(deps: Deps) {
  const model = currentModel(deps);
  return {
    outcomes: outcomeCount(deps),
    needed: MIN_OUTCOMES,
    model: model ? { kind: model.kind, trainedAt: model.trainedAt, converted: model.classes[1], lost: model.classes[0], features: Object.keys(model.features) } : null,
  };
}

export async function loadFirmographics(deps: Deps, user: UserRecord, input: { rows: Firmographics[]; replace: boolean; rescore: boolean }): Promise<{ loaded: number; total: number; rescored: number }> {
  const now = deps.now();
  const seen = new Set<string>();
  for (const row of input.rows) {
    if (seen.has(row.domain)) throw new TRPCError({ code: 'BAD_REQUEST', message: `rows: the domain ${row.domain} appears twice` });
    seen.add(row.domain);
  }
  await deps.store.transact((tx) => {
    if (input.replace) deps.repos.firmographics.clear(tx);
    for (const row of input.rows) deps.repos.firmographics.put(tx, row, now);
  });
  const changed = input.rescore ? (await rescoreAll(deps, undefined, { by: user.id, note: 'company data was loaded' })).changed : 0;
  deps.log.info('firmographics loaded', { by: user.id, rows: input.rows.length, rescored: changed });
  return { loaded: input.rows.length, total: deps.repos.firmographics.count(), rescored: changed };
}
