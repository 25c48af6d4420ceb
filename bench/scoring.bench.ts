import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emailSyntaxProblem } from '../shared/scoring/checks/email.ts';
import { computeScore } from '../shared/scoring/score.ts';
import { captureInput } from '../shared/schemas/lead.ts';
import { DEFAULT_SCORING_RULES } from '../shared/schemas/scoring.ts';
import { createLogger } from '../server/log.ts';
import { startServer } from '../server/server.ts';
import { captureLead } from '../server/services/leads.ts';
import { rescoreAll, setRules } from '../server/services/scoring.ts';
import { demoLeads } from '../server/cli/demo-data.ts';
import type { BenchRow } from './types.ts';

const LEADS = 10_000;

/** Time per call of the email syntax check on an adversarial input of `n` characters. */
function syntaxTime(n: number): number {
  const input = `${'a.'.repeat(n / 2)}@${'b-'.repeat(n / 2)}`;
  const runs = Math.max(5, Math.round(2_000_000 / n));
  const t = performance.now();
  for (let i = 0; i < runs; i++) emailSyntaxProblem(input);
  return (performance.now() - t) / runs;
}

/** Rescoring every lead when the rules change, at 10k leads, against scoring them in memory alone. */
export default async function scoringBench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'leadsync-bench-'));
  const server = await startServer({ dataDir: dir, host: '127.0.0.1', port: 0, log: createLogger('silent'), adminToken: 'bench_admin_token_0123456789abcdef' });
  try {
    const { deps } = server;
    const admin = [...deps.store.values('users')][0]!;
    // Distinct people: a unique email and name each, no shared phone, so none merge.
    const inputs = demoLeads(LEADS).map(({ phone: _phone, ...l }, i) => captureInput.parse({ ...l, name: `${l.name ?? 'Lead'} ${i}`, email: `lead${i}@co${i % 700}.example` }));
    for (let i = 0; i < inputs.length; i += 1000) await Promise.all(inputs.slice(i, i + 1000).map((input) => captureLead(deps, admin, input)));
    const leads = [...deps.store.values('leads')];

    const now = new Date();
    let t = performance.now();
    for (const lead of leads) computeScore({ ...lead, activities: [], now });
    const pure = performance.now() - t;

    t = performance.now();
    const changed = await setRules(deps, admin, { ...DEFAULT_SCORING_RULES, fit: { ...DEFAULT_SCORING_RULES.fit, seniority: { ...DEFAULT_SCORING_RULES.fit.seniority, vp: 25 } } });
    const rescore = performance.now() - t;

    t = performance.now();
    const unchanged = await rescoreAll(deps);
    const noop = performance.now() - t;

    const small = syntaxTime(1_000);
    const large = syntaxTime(100_000);

    return [
      { name: 'email syntax check, 1,000-char adversarial input', value: small * 1000, unit: 'µs' },
      { name: 'email syntax check, 100,000 chars (linear: ratio ≈ 100)', value: large * 1000, unit: 'µs', ratio: large / small, baseline: '1,000 chars', goal: '≤ 200 (linear)', met: large / small <= 200 },
      { name: `computeScore in memory, ${leads.length} leads`, value: pure, unit: 'ms' },
      { name: `scoring.setRules → rescore all, ${leads.length} leads (${changed.rescored} changed)`, value: rescore, unit: 'ms', ratio: rescore / pure, baseline: 'computeScore in memory', goal: '≤ 5000 ms', met: rescore <= 5000 },
      { name: `rescore all with nothing changed (${unchanged.changed} written)`, value: noop, unit: 'ms', ratio: noop / pure, baseline: 'computeScore in memory' },
    ];
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
