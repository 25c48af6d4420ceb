import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, makeDataDir, randomToken, removeDir, type Api } from '../helpers/server.ts';
import { children, killGroup, run, waitFor, type Proc } from '../helpers/process.ts';

// A team lead runs distribution from a terminal: rep settings, the routing rules, the log.
describe('leadsync user set, routing rules and routing log, across processes', () => {
  let dataDir: string;
  let adminToken: string;
  let server: Proc;
  let url: string;
  let admin: Api;
  let leadToken: string;
  let ana: { id: string; token: string };

  const cli = async (args: string[]) => {
    const p = run([...args, '--server', url, '--token', leadToken], {});
    const { code } = await p.exited;
    return { code, stdout: p.stdout(), stderr: p.stderr() };
  };

  beforeAll(async () => {
    dataDir = makeDataDir();
    adminToken = randomToken();
    server = run(['serve'], { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LEADSYNC_ADMIN_TOKEN: adminToken });
    url = await waitFor('server URL', () => /Leadsync server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(server.stdout())?.[1], server);
    admin = clientFor(url, adminToken);
    leadToken = (await admin.users.create.mutate({ name: 'Tess Lead', email: 'tess@leadsync.example', role: 'lead' })).token;
    const created = await admin.users.create.mutate({ name: 'Ana Ruiz', email: 'ana@leadsync.example', role: 'rep', capacity: 25 });
    ana = { id: created.user.id, token: created.token };
  });

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) killGroup(child, 'SIGKILL');
    if (dataDir) await removeDir(dataDir);
  });

  it('user set finds a rep by email and changes availability, cap, weight, territories and tags', async () => {
    const away = await cli(['user', 'set', 'Ana@Leadsync.example', '--away', '--until', '2099-07-01', '--capacity', '30', '--weight', '2', '--territories', 'emea,us-ca', '--tags', 'senior']);
    expect(away.code, away.stderr).toBe(0);
    expect(away.stdout).toBe('Ana Ruiz <ana@leadsync.example>: away until 2099-07-01T00:00:00.000Z, cap 30, weight 2, territories EMEA,US-CA, tags senior\n');
    expect(await clientFor(url, ana.token).me.query()).toMatchObject({ away: true, capacity: 30, weight: 2, territories: ['EMEA', 'US-CA'], tags: ['senior'] });
    const back = await cli(['user', 'set', ana.id, '--back']);
    expect(back.stdout).toMatch(/: available, cap 30/);
    const bad = await cli(['user', 'set', 'ana@leadsync.example', '--capacity', '-3']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/capacity/);
  });

  it('routing rules --set saves a file, and a bad file is refused naming the field', async () => {
    const file = join(dataDir, 'rules.json');
    writeFileSync(file, JSON.stringify({ autoAssign: true, rules: [{ id: 'all', name: 'Everyone', strategy: 'round-robin' }], sla: { hours: 8 } }));
    const set = await cli(['routing', 'rules', '--set', file]);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stderr).toBe('Routing rules saved: 1 rule, auto-assignment on.\n');
    const printed = await cli(['routing', 'rules']);
    expect(JSON.parse(printed.stdout)).toMatchObject({ autoAssign: true, rules: [{ id: 'all', strategy: 'round-robin', enabled: true }], sla: { hours: 8 } });

    writeFileSync(file, JSON.stringify({ rules: [{ id: 'x', name: 'X', strategy: 'random' }] }));
    const bad = await cli(['routing', 'rules', '--set', file]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('rules.0.strategy');
  });

  it('routing log prints each move with who and why', async () => {
    const { lead } = await admin.leads.capture.mutate({ name: 'Maria Lopez', email: 'maria@globex.example', source: { kind: 'manual' } });
    expect(lead.ownerId).toBe(ana.id);
    const log = await cli(['routing', 'log', '--lead', lead.id]);
    expect(log.code, log.stderr).toBe(0);
    expect(log.stdout).toMatch(new RegExp(`routed +${lead.id}  queue → ${ana.id}  by system: rule all: round-robin`));
    const wrongKind = await cli(['routing', 'log', '--kind', 'stolen']);
    expect(wrongKind.stderr).toMatch(/--kind: one of claimed/);
  });
});
