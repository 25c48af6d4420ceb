import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { benchLead, seedStore } from './seed-store.ts';
import { bundleServer } from '../server/cli/bundle.ts';
import type { BenchRow } from './types.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
/** Seconds of unmeasured load on a fresh server first: the figures are of a warm one, JIT and heap grown, as in service. */
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const CONNECTIONS = 50;
const TOKEN = 'bench-admin-token-0123456789abcdef';

interface Running {
  child: ChildProcess;
  url: string;
  startMs: number;
}

function start(args: string[], env: Record<string, string>): Promise<Running> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve({ child, url, startMs: performance.now() - t0 });
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

const stopChild = (r: Running) =>
  new Promise<void>((resolve) => {
    r.child.once('exit', () => resolve());
    r.child.kill('SIGTERM');
  });

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function load(opts: autocannon.Options): Promise<{ rps: number; p50: number; p95: number; p99: number; errors: number }> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ connections: CONNECTIONS, duration: DURATION, ...opts }, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on('response', (_client, status, _bytes, ms) => {
      latencies.push(ms);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    });
  });
  const bad = [...statuses].filter(([s]) => s >= 400);
  if (bad.length > 0 || result.errors > 0) process.stdout.write(`  ${opts.url}: statuses ${JSON.stringify(Object.fromEntries(statuses))}, socket errors ${result.errors}\n`);
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  return { rps: result.requests.average, p50: pct(50), p95: pct(95), p99: pct(99), errors: result.errors + result.non2xx };
}

async function stats(url: string, reset: boolean) {
  const res = await fetch(`${url}/trpc/system.stats?input=${encodeURIComponent(JSON.stringify({ reset }))}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  return ((await res.json()) as { result: { data: { rssBytes: number; eventLoopDelay: { p99: number; max: number } } } }).result.data;
}

const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

/** Captures of new leads, each request a different person. */
function captureLoad(url: string, tag: string, duration = DURATION) {
  let n = 0;
  return load({
    url,
    duration,
    requests: [{ method: 'POST', path: '/trpc/leads.capture', headers: auth, setupRequest: (req) => ({ ...req, body: JSON.stringify(benchLead(n++, tag)) }) }],
  });
}

export default async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const compiled = await bundleServer(root);
  const echo = await start(['--import', 'tsx', 'bench/echo-server.ts'], {});
  const echoRun = await load({ url: `${echo.url}/echo`, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(benchLead(1)) });
  await stopChild(echo);
  rows.push({ name: 'Express JSON echo (baseline)', value: echoRun.rps, unit: 'req/s' });

  for (const size of [10_000, 100_000]) {
    const label = size >= 1000 ? `${size / 1000}k` : String(size);
    const dir = mkdtempSync(join(tmpdir(), `leadsync-bench-${label}-`));
    process.stdout.write(`seeding ${label} leads…\n`);
    await seedStore(dir, size, TOKEN);
    for (const durability of size === 10_000 ? ['rename', 'fsync'] : ['rename']) {
      // The compiled server, as `npm start` runs it.
      const server = await start([compiled.main, 'serve'], { PORT: '0', DATA_DIR: dir, LOG_LEVEL: 'warn', LEADSYNC_ADMIN_TOKEN: TOKEN, DURABILITY: durability, NODE_ENV: 'production' });
      const mode = durability === 'fsync' ? ', DURABILITY=fsync' : '';
      if (durability === 'rename') {
        rows.push({ name: `start-up with ${label} leads`, value: server.startMs, unit: 'ms' });
        // The goal is the footprint of the stored leads; after the load below the store holds more
        // leads and V8 keeps garbage until its memory reducer runs, so that row is shown without one.
        const idle = rssMb(server.child.pid!);
        rows.push({ name: `server RSS at ${label} leads, idle`, value: idle, unit: 'MB', ...(size === 100_000 ? { goal: '≤ 400 MB', met: idle <= 400 } : {}) });
      }
      if (WARMUP > 0) {
        await load({ url: `${server.url}/trpc/health`, duration: WARMUP });
        await captureLoad(server.url, `warm-${durability}${label}`, WARMUP);
      }
      const health = await load({ url: `${server.url}/trpc/health` });
      rows.push({ name: `tRPC health, ${label} leads${mode}`, value: health.rps, unit: 'req/s', ratio: health.rps / echoRun.rps, baseline: 'Express echo' });
      await stats(server.url, true);
      const capture = await captureLoad(server.url, `${durability}${label}`);
      const during = await stats(server.url, true);
      const goal = size === 10_000 ? 0.6 : 0.1;
      const ratio = capture.rps / health.rps;
      rows.push({ name: `leads.capture, ${label} leads${mode}`, value: capture.rps, unit: 'req/s', ratio, baseline: 'tRPC health', ...(durability === 'rename' ? { goal: `≥ ${goal}`, met: ratio >= goal } : {}) });
      rows.push({ name: `leads.capture ÷ Express echo, ${label} leads${mode}`, value: capture.rps / echoRun.rps, unit: 'ratio' });
      rows.push({ name: `leads.capture p50, ${label} leads${mode}`, value: capture.p50, unit: 'ms' });
      rows.push({
        name: `leads.capture p95, ${label} leads${mode}`,
        value: capture.p95,
        unit: 'ms',
        ...(size === 100_000 ? { goal: '≤ 300 ms', met: capture.p95 <= 300 } : {}),
      });
      rows.push({ name: `leads.capture p99, ${label} leads${mode}`, value: capture.p99, unit: 'ms' });
      rows.push({ name: `event-loop delay p99 during capture, ${label} leads${mode}`, value: during.eventLoopDelay.p99, unit: 'ms' });
      rows.push({ name: `event-loop delay max during capture, ${label} leads${mode}`, value: during.eventLoopDelay.max, unit: 'ms' });
      if (capture.errors > 0) rows.push({ name: `leads.capture errors, ${label} leads${mode}`, value: capture.errors, unit: 'count' });
      if (durability === 'rename') {
        const emails = Array.from({ length: 50 }, (_, i) => benchLead(i * 37).email);
        const lookup = await load({ url: `${server.url}/trpc/leads.lookup?input=${encodeURIComponent(JSON.stringify({ emails }))}`, headers: auth });
        rows.push({ name: `leads.lookup of 50 emails, ${label} leads`, value: lookup.rps, unit: 'req/s', ratio: lookup.rps / health.rps, baseline: 'tRPC health' });
        const rss = rssMb(server.child.pid!);
        rows.push({ name: `server RSS at ${label} leads, after capture and lookup load`, value: rss, unit: 'MB' });
      }
      await stopChild(server);
    }
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
