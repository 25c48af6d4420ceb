// A Leadsync server in a child process, and autocannon against it: the load generator and the
// server then have an event loop each, as a team's browsers and the server do.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = fileURLToPath(new URL('../', import.meta.url));

export interface ChildServer {
  child: ChildProcess;
  url: string;
  stop(): Promise<void>;
}

/** `leadsync serve` on DATA_DIR `dir`, on a free port; resolves once it listens. */
export function startChildServer(dir: string, adminToken: string): Promise<ChildServer> {
  const env = { ...process.env, PORT: '0', DATA_DIR: dir, LOG_LEVEL: 'warn', LEADSYNC_ADMIN_TOKEN: adminToken, NODE_ENV: 'production' };
  const child = spawn(process.execPath, ['bin/leadsync.js', 'serve'], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve({ child, url, stop });
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Non-2xx answers and socket errors. */
  errors: number;
}

/** autocannon for `seconds` with `connections` at once; latencies per response, in ms. */
export async function loadTest(opts: autocannon.Options & { connections: number; seconds: number }): Promise<LoadResult> {
  const latencies: number[] = [];
  const { seconds, ...rest } = opts;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ ...rest, duration: seconds }, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? Number.NaN;
  return { rps: latencies.length / seconds, p50: pct(50), p99: pct(99), requests: latencies.length, errors: result.errors + result.non2xx };
}

/**
 * An open-loop load: one request every 1000/rate ms, spread evenly (autocannon's rate limit
 * sends each second's quota in a burst), whether or not earlier ones have answered; as reps
 * clicking at their own pace do. Latencies in ms.
 */
export async function pacedLoad(rate: number, seconds: number, request: (i: number) => Promise<Response>): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const total = Math.round(rate * seconds);
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const t = performance.now();
    inFlight.push(
      request(i).then(
        async (res) => {
          await res.arrayBuffer();
          latencies.push(performance.now() - t);
          if (!res.ok) errors++;
        },
        () => void errors++,
      ),
    );
  }
  await Promise.all(inFlight);
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? Number.NaN;
  return { rps: latencies.length / ((performance.now() - start) / 1000), p50: pct(50), p99: pct(99), requests: latencies.length, errors };
}
