// team.summary at 100k leads against the tRPC health query, both over HTTP in the same run.
// The store is seeded in-process through the services (capture, assign, activities, updates),
// with a clock spread over 90 days so the counters hold realistic days and hours.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../server/log.ts';
import { startServer } from '../server/server.ts';
import { addActivity } from '../server/services/activities.ts';
import { captureLead, updateLead } from '../server/services/leads.ts';
import { assignLead } from '../server/services/queue.ts';
import { teamSummary } from '../server/services/summary.ts';
import { createUser } from '../server/services/users.ts';
import type { UserRecord } from '../server/store/types.ts';
import { SOURCE_KINDS } from '../shared/schemas/lead.ts';
import { fetchLoad } from './fetch-load.ts';
import type { BenchRow } from './types.ts';

const LEADS = Number(process.env.BENCH_LEADS ?? 100_000);
const REPS = 20;
const SECONDS = 2;
const ROUNDS = 3;
const CONNECTIONS = 8;
const DAY = 86_400_000;

const load = (url: string, token: string, seconds: number) => fetchLoad(url, token, seconds, CONNECTIONS);

export default async function summaryBench(): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'leadsync-bench-summary-'));
  const start = Date.now() - 90 * DAY;
  let clock = new Date(start);
  const server = await startServer({ dataDir, host: '127.0.0.1', port: 0, log: createLogger('silent'), adminToken: 'bench_admin_token_0123456789', now: () => clock });
  try {
    const { deps } = server;
    const reps: UserRecord[] = [];
    for (let i = 0; i < REPS; i++) {
      const { user } = await createUser(deps, { name: `Rep ${i}`, email: `rep${i}@bench.example`, role: 'rep', capacity: 1_000_000 });
      reps.push(deps.repos.users.get(user.id)!);
    }
    const admin = deps.repos.users.byEmailAddress('admin@leadsync.local')!;
    const seeded = Date.now();
    // All captures at once: they apply one by one, synchronously, and share a few snapshots.
    const captures = [];
    for (let i = 0; i < LEADS; i++) {
      clock = new Date(start + Math.floor((i / LEADS) * 90 * DAY));
      captures.push(captureLead(deps, admin, { name: `Person ${i}`, email: `p${i}@company${i % 5000}.com`, title: i % 7 === 0 ? 'VP Sales' : 'Analyst', source: { kind: SOURCE_KINDS[i % SOURCE_KINDS.length]! } }));
    }
    const ids = (await Promise.all(captures)).map((r) => r.lead.id);
    // A tenth of the leads get worked: assigned, half of those called, some converted or lost.
    const pending = [];
    for (let i = 0; i < LEADS; i += 10) {
      const rep = reps[i % REPS]!;
      clock = new Date(start + Math.floor((i / LEADS) * 90 * DAY) + 3_600_000);
      pending.push(
        assignLead(deps, admin, ids[i]!, rep.id).then(async (lead) => {
          if (i % 20 !== 0) return;
          await addActivity(deps, rep, { leadId: lead.id, type: 'call', outcome: 'connected' });
          const now = deps.repos.leads.get(lead.id)!;
          if (i % 60 === 0) await updateLead(deps, rep, { id: now.id, version: now.version, patch: { status: 'converted' } });
          else if (i % 60 === 20) await updateLead(deps, rep, { id: now.id, version: now.version, patch: { status: 'lost', lostReason: 'No budget' } });
        }),
      );
    }
    await Promise.all(pending);
    const seedSeconds = (Date.now() - seeded) / 1000;
    clock = new Date(start + 90 * DAY);

    const token = 'bench_admin_token_0123456789';
    // Interleaved rounds, best of each: a collection of the large heap lands in one round, not in one side.
    let health = 0;
    let summary = 0;
    let peek = 0;
    for (let round = 0; round < ROUNDS; round++) {
      health = Math.max(health, await load(`${server.url}/trpc/health`, token, SECONDS));
      summary = Math.max(summary, await load(`${server.url}/trpc/team.summary`, token, SECONDS));
      peek = Math.max(peek, await load(`${server.url}/trpc/queue.peek`, token, SECONDS));
    }
    const waiting = deps.repos.queue.depth(clock);
    const t0 = performance.now();
    const RUNS = 200;
    for (let i = 0; i < RUNS; i++) teamSummary(deps);
    const inProcessMs = (performance.now() - t0) / RUNS;
    return [
      { name: `seeding ${LEADS} leads through the services`, value: seedSeconds, unit: 's' },
      { name: `tRPC health query (baseline), best of ${ROUNDS}`, value: health, unit: 'req/s' },
      { name: `team.summary, ${LEADS} leads, ${REPS} reps, best of ${ROUNDS}`, value: summary, unit: 'req/s', ratio: summary / health, baseline: 'tRPC health', goal: '≥ 0.5', met: summary / health >= 0.5 },
      { name: `team.summary computed in-process, ${LEADS} leads`, value: inProcessMs, unit: 'ms' },
      // The Team tab's other read: the queue's 20 best, from the queue's index (it walks the waiting leads, not all of them).
      { name: `queue.peek, 20 best of ${waiting} waiting, best of ${ROUNDS}`, value: peek, unit: 'req/s', ratio: peek / health, baseline: 'tRPC health' },
    ];
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
