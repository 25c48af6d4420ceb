import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SCORING_RULES, scoringRules, type ScoringRules } from '../../shared/schemas/scoring.ts';
import { FAILURE_TTL_MS, provisionalFields, RULES_TTL_MS, RULES_WAIT_MS, RulesCache } from './provisional-score.ts';

const teamRules: ScoringRules = scoringRules.parse({ fit: { targetCompanies: { names: ['Acme'], domains: [], points: 12 } } });

/** A server the test answers for: `answer` settles the oldest request still open. */
function fakeServer(start = 0) {
  let clock = start;
  const asked: { resolve(r: ScoringRules): void; reject(e: Error): void }[] = [];
  const source = {
    fetchRules: () => new Promise<ScoringRules>((resolve, reject) => asked.push({ resolve, reject })),
    now: () => new Date(clock),
  };
  return { source, asked, advance: (ms: number) => void (clock += ms) };
}

describe('RulesCache', () => {
  afterEach(() => void vi.useRealTimers());

  it('asks once, shares the answer with edits made meanwhile, and asks again after the TTL', async () => {
    const cache = new RulesCache();
    const s = fakeServer();
    const first = cache.get('k', s.source);
    const second = cache.get('k', s.source);
    expect(s.asked).toHaveLength(1);
    s.asked[0]!.resolve(teamRules);
    expect(await first).toEqual({ rules: teamRules, from: 'team' });
    expect(await second).toEqual({ rules: teamRules, from: 'team' });
    s.advance(RULES_TTL_MS - 1);
    await cache.get('k', s.source);
    expect(s.asked).toHaveLength(1);
    s.advance(1);
    void cache.get('k', s.source);
    expect(s.asked).toHaveLength(2);
  });

  it('keeps servers and tokens apart', () => {
    const cache = new RulesCache();
    const s = fakeServer();
    void cache.get('http://a|rep', s.source);
    void cache.get('http://a|lead', s.source);
    expect(s.asked).toHaveLength(2);
  });

  it('falls back to the defaults on a refusal, and asks again sooner than after a success', async () => {
    const cache = new RulesCache();
    const s = fakeServer();
    const refused = cache.get('k', s.source);
    s.asked[0]!.reject(Object.assign(new Error('only a team lead may'), { data: { code: 'FORBIDDEN' } }));
    expect(await refused).toEqual({ rules: DEFAULT_SCORING_RULES, from: 'default' });
    s.advance(FAILURE_TTL_MS);
    void cache.get('k', s.source);
    expect(s.asked).toHaveLength(2);
  });

  it('scores with the defaults when the server does not answer in time', async () => {
    vi.useFakeTimers();
    const cache = new RulesCache();
    const s = fakeServer();
    const waiting = cache.get('k', s.source);
    await vi.advanceTimersByTimeAsync(RULES_WAIT_MS);
    expect(await waiting).toEqual({ rules: DEFAULT_SCORING_RULES, from: 'offline' });
  });
});

describe('provisionalFields', () => {
  it.each([
    ['normalised like a capture', { email: ' Maria@Acme.COM ', phone: '(415) 555-0143', website: 'Acme.com/', name: '  Maria   Lopez ' }, { email: 'maria@acme.com', phone: '+14155550143', website: 'https://acme.com', name: 'Maria Lopez' }],
    ['a national number read in the page’s country', { phone: '020 7946 0018', region: 'GB' }, { phone: '+442079460018' }],
    ['kept as typed when it does not normalise', { phone: '12', website: 'not a site' }, { phone: '12', website: 'not a site' }],
    ['empty fields left out', { name: '   ', email: '' }, { name: undefined, email: undefined }],
  ])('%s', (_what, contact, expected) => {
    expect(provisionalFields(contact)).toMatchObject(expected);
  });
});
