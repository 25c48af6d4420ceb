import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/leadsync.js', import.meta.url));

export interface Proc {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export const children: ChildProcess[] = [];

/** `node bin/leadsync.js …` in its own process group, so that afterAll can end the whole group. */
export function run(args: string[], env: Record<string, string>): Proc {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, stdout: () => out, stderr: () => err, exited };
}

export async function waitFor<T>(what: string, fn: () => T | undefined, proc: Proc, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = fn();
    if (value !== undefined) return value;
    if (proc.child.exitCode !== null) throw new Error(`${what}: the process exited (${proc.child.exitCode}): ${proc.stderr()}`);
    if (Date.now() > end) throw new Error(`${what}: timed out; stdout: ${proc.stdout()} stderr: ${proc.stderr()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const killGroup = (child: ChildProcess, signal: NodeJS.Signals) => {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
};


/** Starts `leadsync serve` on a free port and resolves with its URL once it listens. */
export async function serve(env: Record<string, string>): Promise<{ proc: Proc; url: string }> {
  const proc = run(['serve'], { PORT: '0', HOST: '127.0.0.1', ...env });
  const url = await waitFor('server start', () => /listening on (http:\/\/\S+)/.exec(proc.stdout())?.[1], proc);
  return { proc, url };
}
