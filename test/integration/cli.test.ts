import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, makeDataDir, randomToken, removeDir } from '../helpers/server.ts';
import { children, killGroup, run, waitFor, type Proc } from '../helpers/process.ts';

describe('the leadsync command, across processes', () => {
  let dataDir: string;
  let adminToken: string;
  let server: Proc;
  let url: string;

  beforeAll(async () => {
    dataDir = makeDataDir();
    adminToken = randomToken();
    server = run(['serve'], { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LEADSYNC_ADMIN_TOKEN: adminToken });
    url = await waitFor('server URL', () => /Leadsync server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(server.stdout())?.[1], server);
  });

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) killGroup(child, 'SIGKILL');
    if (dataDir) await removeDir(dataDir);
  });

  it('serves on the port the OS picked, with the admin token from the environment', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*$/);
    expect(server.stdout()).not.toContain('First start');
    expect(await clientFor(url, adminToken).me.query()).toMatchObject({ role: 'admin' });
  });

  it('user add prints a token that works for me', async () => {
    const add = run(['user', 'add', '--name', 'Cli Rep', '--email', 'Cli.Rep@leadsync.example', '--role', 'rep', '--server', url, '--token', adminToken], {});
    const { code } = await add.exited;
    expect(code, add.stderr()).toBe(0);
    const token = add.stdout().trim();
    expect(token).toMatch(/^ls_\S+$/);
    expect(add.stderr()).toContain('Created rep Cli Rep <cli.rep@leadsync.example>');
    expect(await clientFor(url, token).me.query()).toMatchObject({ name: 'Cli Rep', email: 'cli.rep@leadsync.example', role: 'rep' });
  });

  it('user add takes the server and token from LEADSYNC_URL and LEADSYNC_TOKEN, and reports a refusal', async () => {
    const bad = run(['user', 'add', '--name', 'X', '--email', 'x@leadsync.example', '--role', 'boss'], { LEADSYNC_URL: url, LEADSYNC_TOKEN: adminToken });
    expect((await bad.exited).code).toBe(1);
    expect(bad.stderr()).toMatch(/role/);
    expect(bad.stdout()).toBe('');
    const wrong = run(['user', 'add', '--name', 'X', '--email', 'x@leadsync.example'], { LEADSYNC_URL: url, LEADSYNC_TOKEN: randomToken() });
    expect((await wrong.exited).code).toBe(1);
    expect(wrong.stderr()).toMatch(/token/i);
  });

  it('refuses a second serve on the same DATA_DIR, naming the other server', async () => {
    const second = run(['serve'], { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LEADSYNC_ADMIN_TOKEN: adminToken });
    const { code } = await second.exited;
    expect(code).not.toBe(0);
    expect(second.stderr()).toMatch(/another Leadsync server \(pid \d+\)/);
    expect(second.stdout()).not.toContain('listening');
    // The first is unharmed.
    expect(await clientFor(url, adminToken).health.query()).toMatchObject({ ok: true });
  });

  it('refuses to start with a bad PORT, naming it', async () => {
    const bad = run(['serve'], { PORT: 'eighty', DATA_DIR: dataDir, LEADSYNC_ADMIN_TOKEN: adminToken });
    expect((await bad.exited).code).not.toBe(0);
    expect(bad.stderr()).toContain('PORT');
  });

  it('exits 0 on SIGTERM after flushing, and the data is there on the next start', async () => {
    const rep = await clientFor(url, adminToken).users.create.mutate({ name: 'Before Stop', email: 'before.stop@leadsync.example', role: 'rep' });
    await clientFor(url, rep.token).leads.capture.mutate({ email: 'kept@sigterm.example', source: { kind: 'manual' } });
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });

    const again = run(['serve'], { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LEADSYNC_ADMIN_TOKEN: adminToken });
    const url2 = await waitFor('second URL', () => /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(again.stdout())?.[1], again);
    const { matches } = await clientFor(url2, rep.token).leads.lookup.query({ emails: ['kept@sigterm.example'] });
    expect(matches).toHaveLength(1);
    again.child.kill('SIGTERM');
    expect((await again.exited).code).toBe(0);
  });

  it('answers an unknown command with the usage and exit code 2', async () => {
    const p = run(['frobnicate'], {});
    expect((await p.exited).code).toBe(2);
    expect(p.stderr()).toContain('usage: leadsync');
  });
});
