import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleServer } from '../../server/cli/bundle.ts';
import { clientFor } from '../helpers/server.ts';
import { serve } from '../helpers/process.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const TOKEN = 'ls_compiled-server-admin-token-000000000000000';

/** What `npm start` runs: the server compiled to plain JavaScript, not the TypeScript sources. */
describe('the compiled server', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'leadsync-compiled-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('serves, stores and flushes like the sources, and the sources read what it stored', async () => {
    const bundle = await bundleServer(root, join(tmp, 'server'));
    const dataDir = join(tmp, 'data');
    const child = spawn(process.execPath, [bundle.main, 'serve'], {
      cwd: tmp,
      env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LEADSYNC_ADMIN_TOKEN: TOKEN, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m?.[1]) {
          clearInterval(timer);
          resolve(m[1]);
        } else if (child.exitCode !== null) {
          clearInterval(timer);
          reject(new Error(`the compiled server exited: ${out}`));
        }
      }, 50);
    });
    const health = (await (await fetch(`${url}/healthz`)).json()) as { ok: boolean; version: string };
    expect(health).toEqual({ ok: true, version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(health.version).not.toBe('0.0.0');
    const api = clientFor(url, TOKEN);
    const { lead, created } = await api.leads.capture.mutate({ name: 'Ana Ruiz', email: 'Ana.Ruiz@Acme.example', source: { kind: 'manual' } });
    expect(created).toBe(true);
    expect(lead.email).toBe('ana.ruiz@acme.example');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);

    // The TypeScript server opens the same folder and finds the lead.
    const again = await serve({ DATA_DIR: dataDir, LEADSYNC_ADMIN_TOKEN: TOKEN });
    try {
      const { matches } = await clientFor(again.url, TOKEN).leads.lookup.query({ emails: ['ana.ruiz@acme.example'] });
      expect(matches.map((m) => m.leadId)).toEqual([lead.id]);
    } finally {
      again.proc.child.kill('SIGTERM');
      await again.proc.exited;
    }
  }, 60_000);
});
