import { cleanText, normaliseEmail, normalisePhone, normaliseWebsite } from '../../shared/normalize.ts';
import { topReasons } from '../../shared/scoring/explain.ts';
import { computeScore } from '../../shared/scoring/score.ts';
import type { ProvisionalContact, ProvisionalScore } from '../../shared/schemas/provisional.ts';
import { DEFAULT_SCORING_RULES, type ScoringRules } from '../../shared/schemas/scoring.ts';

/** How long the team's rules are reused before they are asked for again. */
export const RULES_TTL_MS = 5 * 60_000;
/** How long a failure to read them (a rep's FORBIDDEN, a server away) is reused. */
export const FAILURE_TTL_MS = 30_000;
/** How long the card waits for the team's rules before it scores with the defaults. */
export const RULES_WAIT_MS = 3_000;

export interface RulesSource {
  /** The team's rules, or a rejection (a rep may not read them; the server may be away). */
  fetchRules(): Promise<ScoringRules>;
  now(): Date;
}

interface Rules {
  rules: ScoringRules;
  from: ProvisionalScore['rules'];
}

/** A refusal by role, as tRPC reports it, not a failure to reach the server. */
const isForbidden = (err: unknown): boolean => (err as { data?: { code?: unknown } } | null)?.data?.code === 'FORBIDDEN';

/**
 * Remembers the rules per server and token, so that typing in the review card costs no request
 * per keystroke; edits made while the first request is on its way share it. A failure is
 * remembered for a shorter while (the defaults): a rep who may not read the rules would
 * otherwise ask, and be refused, on every edit.
 */
export class RulesCache {
  private readonly entries = new Map<string, { pending: Promise<Rules>; at: number; ttl: number }>();

  get(key: string, source: RulesSource): Promise<Rules> {
    const now = source.now().getTime();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < hit.ttl) return hit.pending;
    const entry = { pending: Promise.resolve<Rules>({ rules: DEFAULT_SCORING_RULES, from: 'default' }), at: now, ttl: RULES_TTL_MS };
    // A server that does not answer must not leave the card without a score.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('no answer')), RULES_WAIT_MS);
    });
    entry.pending = Promise.race([source.fetchRules(), timeout])
      .finally(() => clearTimeout(timer))
      .then(
        (rules): Rules => ({ rules, from: 'team' }),
        (err: unknown): Rules => {
          entry.ttl = FAILURE_TTL_MS;
          return { rules: DEFAULT_SCORING_RULES, from: isForbidden(err) ? 'default' : 'offline' };
        },
      );
    this.entries.set(key, entry);
    return entry.pending;
  }
}

/**
 * The contact as the server would store it, as far as it can be: a value that does not normalise
 * (a half-typed address, an impossible number) is kept as typed, so its quality check says what
 * is wrong with it instead of the field silently vanishing.
 */
export function provisionalFields(contact: ProvisionalContact) {
  const email = cleanText(contact.email);
  const phone = cleanText(contact.phone);
  const website = cleanText(contact.website);
  const parsedPhone = phone ? normalisePhone(phone, contact.region ?? 'US') : undefined;
  return {
    name: cleanText(contact.name),
    email: email ? normaliseEmail(email) : undefined,
    phone: parsedPhone?.ok ? parsedPhone.e164 : phone,
    title: cleanText(contact.title),
    company: cleanText(contact.company),
    website: website ? normaliseWebsite(website) ?? website : undefined,
    address: cleanText(contact.address),
  };
}

/**
 * The score a contact would get if saved now, from the same pure functions the server runs. It
 * is provisional: it has the team's fit rules only when the rep may read them, and never the
 * team's model, company data or activities, which live on the server.
 */
export function scoreProvisionally(contact: ProvisionalContact, rules: ScoringRules, from: ProvisionalScore['rules'], now: Date): ProvisionalScore {
  const score = computeScore({ ...provisionalFields(contact), source: { kind: 'page' }, activities: [], now, rules });
  const { up, down } = topReasons(score);
  return { total: score.total, grade: score.grade, quality: score.quality, fit: score.fit, engagement: score.engagement, up, down, checks: score.checks ?? {}, rules: from };
}
