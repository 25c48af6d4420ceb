import { cleanText, normaliseEmail, normalisePhone, normaliseWebsite } from '../../shared/normalize.ts';
import { topReasons } from '../../shared/scoring/explain.ts';
import { computeScore } from '../../shared/scoring/score.ts';
import type { ProvisionalContact, ProvisionalScore } from '../../shared/schemas/provisional.ts';
import { DEFAULT_SCORING_RULES, type ScoringRules } from '../../shared/schemas/scoring.ts';

/** How long the team's rules are reused before they are asked for again. */
export const RULES_TTL_MS = 5 * 60_000;

export interface RulesSource {
  /** The team's rules, or a rejection (a rep may not read them; the server may be away). */
  fetchRules(): Promise<ScoringRules>;
  now(): Date;
}

interface Cached {
  rules: ScoringRules;
  from: ProvisionalScore['rules'];
  at: number;
}

/**
 * Remembers the rules per server and token, so that typing in the review card costs no request
 * per keystroke. A failure is remembered too (the defaults, for the same time): a rep who may not
 * read the rules would otherwise ask, and be refused, on every edit.
 */
export class RulesCache {
  private readonly entries = new Map<string, Cached>();

  async get(key: string, source: RulesSource): Promise<Cached> {
    const now = source.now().getTime();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < RULES_TTL_MS) return hit;
    const entry: Cached = await source.fetchRules().then(
      (rules): Cached => ({ rules, from: 'team', at: now }),
      (): Cached => ({ rules: DEFAULT_SCORING_RULES, from: 'default', at: now }),
    );
    this.entries.set(key, entry);
    return entry;
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
