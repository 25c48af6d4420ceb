// Next lead under load: 50 reps pulling at once over HTTP from a store of 10k and 100k leads,
// beside the tRPC no-op query (health) measured in the same run, plus the cost of the queue
// index alone (no HTTP, no disk) to show a pull does not scan.
import { performance } from 'node:perf_hooks';
import { computeScore } from '../shared/scoring/score.ts';
import { newId } from '../server/ids.ts';
import { clientFor, randomToken, removeDir, makeDataDir, serverOptions } from '../test/helpers/server.ts';
import { startServer } from '../server/server.ts';
import type { LeadRecord } from '../server/store/types.ts';
import type { BenchRow } from './types.ts';

const CONCURRENCY = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

async function load(call: () => Promise<unknown>): Promise<{ rps: number; p50: number; p99: number; n: number }> {
  const latencies: number[] = [];
  const end = performance.now() + SECONDS * 1000;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        await call();
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / elapsed, p50: pct(latencies, 50), p99: pct(latencies, 99), n: latencies.length };
}

async function atSize(size: number): Promise<BenchRow[]> {
  const dataDir = makeDataDir();
  const adminToken = randomToken();
  const server = await startServer(serverOptions(dataDir, adminToken));
  try {
    const { deps } = server;
    const now = new Date();
    const score = computeScore({ activities: [], now });
    await deps.store.transact((tx) => {
      for (let i = 0; i < size; i++) {
        const at = new Date(now.getTime() - (size - i) * 1000).toISOString();
        const lead: LeadRecord = {
          id: newId('ld', now),
          email: `bench${i}@co${i}.example`,
          otherEmails: [],
          otherPhones: [],
          provenance: {},
          source: { kind: 'import' },
          status: 'new',
          ownerId: null,
          contactBy: null,
          score: { ...score, total: i % 101 },
          version: 1,
          createdAt: at,
          updatedAt: at,
          seq: 0,
        };
        deps.repos.leads.put(tx, lead);
      }
    });
    const admin = clientFor(server.url, adminToken);
    const reps = await Promise.all(
      Array.from({ length: CONCURRENCY }, (_, i) => admin.users.create.mutate({ name: `Bench Rep${i}`, email: `rep${i}@bench.example`, role: 'rep', capacity: 10_000 })),
    );
    const clients = reps.map((r) => clientFor(server.url, r.token));

    const health = await load(() => admin.health.query());
    let turn = 0;
    const claimed = new Map<string, number>();
    const next = await load(async () => {
      const { lead } = await clients[turn++ % clients.length]!.queue.next.mutate({});
      if (lead) claimed.set(lead.id, (claimed.get(lead.id) ?? 0) + 1);
    });
    const doubles = [...claimed.values()].filter((n) => n > 1).length;

    // The index alone: the best lead for a generalist and for a rep with territories.
    const reps2 = 2000;
    const t = performance.now();
    for (let i = 0; i < reps2; i++) deps.repos.queue.best(i % 2 ? [] : ['EMEA', 'US-CA'], now);
    const pickUs = ((performance.now() - t) / reps2) * 1000;

    const k = `${size / 1000}k leads`;
    return [
      { name: `tRPC health (no-op query), ${CONCURRENCY} conns, ${k}`, value: health.rps, unit: 'req/s' },
      { name: `queue.next, ${CONCURRENCY} reps, ${k}`, value: next.rps, unit: 'req/s', ratio: next.rps / health.rps, baseline: 'tRPC health' },
      { name: `queue.next p50, ${k}`, value: next.p50, unit: 'ms' },
      { name: `queue.next p99, ${k}`, value: next.p99, unit: 'ms', ...(size >= 100_000 ? { goal: '≤ 20 ms', met: next.p99 <= 20 } : {}) },
      { name: `queue.next double claims, ${k} (${claimed.size} claimed)`, value: doubles, unit: 'leads', goal: '0', met: doubles === 0 },
      { name: `queue index pick (in process, no I/O), ${k}`, value: pickUs, unit: 'µs' },
    ];
  } finally {
    await server.close();
    await removeDir(dataDir);
  }
}

export default async function queue(): Promise<BenchRow[]> {
  return [...(await atSize(10_000)), ...(await atSize(100_000))];
}
