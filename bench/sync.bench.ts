// sync.pull, the extension's change feed, at 100k leads against the tRPC health query over HTTP
// in the same run: a rep's incremental pull should cost what a health check costs, whatever the
// size of the store, and far less than listing their leads again (leads.list scans the store).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../server/log.ts';
import { startServer } from '../server/server.ts';
import { addActivity } from '../server/services/activities.ts';
import { captureLead } from '../server/services/leads.ts';
import { assignLead } from '../server/services/queue.ts';
import { pullChanges } from '../server/services/sync.ts';
import { createUser } from '../server/services/users.ts';
import type { UserRecord } from '../server/store/types.ts';
import { fetchLoad } from './fetch-load.ts';
import type { BenchRow } from './types.ts';

const LEADS = Number(process.env.BENCH_LEADS ?? 100_000);
const REPS = 50;
const OWNED = 200;
const SECONDS = 2;
const ROUNDS = 3;
const CONNECTIONS = 8;

const load = (url: string, token: string, seconds: number) => fetchLoad(url, token, seconds, CONNECTIONS);

const query = (base: string, path: string, input: unknown) => `${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;

export default async function syncBench(): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'leadsync-bench-sync-'));
  const adminToken = 'bench_admin_token_0123456789';
  const server = await startServer({ dataDir, host: '127.0.0.1', port: 0, log: createLogger('silent'), adminToken });
  try {
    const { deps } = server;
    const admin = deps.repos.users.byEmailAddress('admin@leadsync.local')!;
    const reps: { user: UserRecord; token: string }[] = [];
    for (let i = 0; i < REPS; i++) {
      const { user, token } = await createUser(deps, { name: `Rep ${i}`, email: `rep${i}@bench.example`, role: 'rep', capacity: 1_000_000 });
      reps.push({ user: deps.repos.users.get(user.id)!, token });
    }
    const seeded = Date.now();
    const captures = [];
    for (let i = 0; i < LEADS; i++) captures.push(captureLead(deps, admin, { name: `Person ${i}`, email: `p${i}@company${i % 5000}.com`, source: { kind: 'page' } }));
    const ids = (await Promise.all(captures)).map((r) => r.lead.id);
    // Each rep owns OWNED leads, spread over the store.
    await Promise.all(reps.flatMap((rep, r) => Array.from({ length: OWNED }, (_, k) => assignLead(deps, admin, ids[(k * REPS + r) % ids.length]!, rep.user.id))));
    const seedSeconds = (Date.now() - seeded) / 1000;

    const rep = reps[0]!;
    const full = pullChanges(deps, rep.user, { limit: 1000 });
    // The rest of the team keeps working: 1,000 leads change, 10 of them the rep's own.
    const mine = full.changes.flatMap((c) => (c.type === 'lead' ? [c.lead.id] : []));
    const own = new Set(mine);
    const others = ids.filter((id) => !own.has(id));
    for (let k = 0; k < 990; k++) await addActivity(deps, admin, { leadId: others[(k * 97) % others.length]!, type: 'note', note: 'bench' });
    for (const id of mine.slice(0, 10)) await addActivity(deps, rep.user, { leadId: id, type: 'call', outcome: 'connected' });
    const head = pullChanges(deps, rep.user, { cursor: full.cursor, limit: 1000 });

    let health = 0;
    let idle = 0;
    let tenChanged = 0;
    let relist = 0;
    let first = 0;
    for (let round = 0; round < ROUNDS; round++) {
      health = Math.max(health, await load(`${server.url}/trpc/health`, rep.token, SECONDS));
      idle = Math.max(idle, await load(query(server.url, 'sync.pull', { cursor: head.cursor }), rep.token, SECONDS));
      tenChanged = Math.max(tenChanged, await load(query(server.url, 'sync.pull', { cursor: full.cursor }), rep.token, SECONDS));
      relist = Math.max(relist, await load(query(server.url, 'leads.list', { ownerId: 'me', limit: 100 }), rep.token, SECONDS));
      first = Math.max(first, await load(query(server.url, 'sync.pull', { limit: 1000 }), rep.token, SECONDS));
    }
    const row = (name: string, value: number, goal?: [string, boolean]): BenchRow => ({ name, value, unit: 'req/s', ratio: value / health, baseline: 'tRPC health', ...(goal ? { goal: goal[0], met: goal[1] } : {}) });
    return [
      { name: `seeding ${LEADS} leads, ${REPS} reps owning ${OWNED} each`, value: seedSeconds, unit: 's' },
      { name: `tRPC health query (baseline), best of ${ROUNDS}`, value: health, unit: 'req/s' },
      row(`sync.pull, nothing changed for the rep`, idle, ['≥ 0.5', idle / health >= 0.5]),
      row(`sync.pull, ${head.changes.length} of the rep's leads among 1,000 changed`, tenChanged, ['≥ 0.3', tenChanged / health >= 0.3]),
      row(`leads.list ownerId=me, limit 100 (fetching again instead)`, relist),
      row(`sync.pull from scratch: all ${full.changes.length} of the rep's leads`, first),
    ];
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
