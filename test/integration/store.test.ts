import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Journal } from '../../server/store/journal.ts';
import { startServer } from '../../server/server.ts';
import { StoreLockedError } from '../../server/store/lock.ts';
import { clientFor, listAll, makeDataDir, randomToken, removeDir, serverOptions, startTestServer, type TestServer } from '../helpers/server.ts';

describe('the store across restarts', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });
  const track = (ts: TestServer) => {
    cleanups.push(() => ts.close());
    return ts;
  };

  it('keeps every acknowledged capture after a restart on the same DATA_DIR', async () => {
    const ts = track(await startTestServer());
    const rep = await ts.createUser('rep');
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        rep.api.leads.capture.mutate({ name: `Durable Person${i}`, email: `durable${i}@durable${i}.example`, source: { kind: 'manual' } }),
      ),
    );
    expect(answers.every((a) => a.created)).toBe(true);
    const ids = new Set(answers.map((a) => a.lead.id));
    expect(ids.size).toBe(200);

    await ts.restart();
    const api = ts.client(rep.token); // the rep's token still works: users survived too
    const { items, pages } = await listAll(api, {}, 30);
    expect(pages).toBeGreaterThan(2);
    expect(items).toHaveLength(200);
    expect(new Set(items.map((l) => l.id))).toEqual(ids);
    // The indexes are rebuilt from disk: dedupe still finds the leads.
    const again = await api.leads.capture.mutate({ email: 'DURABLE7@durable7.example', source: { kind: 'manual' } });
    expect(again).toMatchObject({ created: false, lead: { id: answers[7]!.lead.id } });
    // And new leads still sort after the old ones.
    const fresh = await api.leads.capture.mutate({ email: 'after-restart@new.example', source: { kind: 'manual' } });
    const first = await api.leads.list.query({ limit: 1 });
    expect(first.items[0]?.id).toBe(fresh.lead.id);
  });

  it('has every acknowledged change on disk (snapshot plus journal) before it answers', async () => {
    const ts = track(await startTestServer());
    const rep = await ts.createUser('rep');
    const { lead } = await rep.api.leads.capture.mutate({ email: 'on-disk@snapshot.example', source: { kind: 'manual' } });
    // Read the files while the server is still running: the answer came after the journal line was written.
    const snapshot = existsSync(join(ts.dataDir, 'leadsync.json'))
      ? (JSON.parse(readFileSync(join(ts.dataDir, 'leadsync.json'), 'utf8')) as { journalGen: number; leads: Record<string, { email: string }> })
      : { journalGen: 0, leads: {} as Record<string, { email: string }> };
    const onDisk = { ...snapshot.leads };
    for (const line of Journal.replay(ts.dataDir, snapshot.journalGen).puts) {
      for (const [collection, id, record] of line) if (collection === 'leads') onDisk[id] = record as { email: string };
    }
    expect(onDisk[lead.id]?.email).toBe('on-disk@snapshot.example');
  });

  it('keeps the state of users, history and activities after a restart', async () => {
    const ts = track(await startTestServer());
    const rep = await ts.createUser('rep', { name: 'Restart Rep' });
    const { lead } = await rep.api.leads.capture.mutate({ email: 'hist@restart.example', source: { kind: 'manual' } });
    const claimed = (await rep.api.queue.next.mutate({})).lead!;
    await rep.api.activities.add.mutate({ leadId: lead.id, type: 'note', note: 'remember me' });
    const before = await rep.api.leads.get.query({ id: claimed.id });
    await ts.restart();
    const api = ts.client(rep.token);
    expect(await api.leads.get.query({ id: lead.id })).toEqual(before);
    expect(await api.me.query()).toMatchObject({ name: 'Restart Rep', openLeads: 1 });
    // The queue index is rebuilt: the claimed lead is not handed out again.
    expect(await api.queue.next.mutate({})).toEqual({ lead: null });
  });

  it('refuses a second server on the same DATA_DIR while the first runs, and starts once it is closed', async () => {
    const dataDir = makeDataDir();
    cleanups.push(() => removeDir(dataDir));
    const token = randomToken();
    const first = await startServer(serverOptions(dataDir, token));
    let firstOpen = true;
    cleanups.push(async () => {
      if (firstOpen) await first.close();
    });
    expect(existsSync(join(dataDir, 'leadsync.lock'))).toBe(true);

    const second = startServer(serverOptions(dataDir, token));
    await expect(second).rejects.toBeInstanceOf(StoreLockedError);
    await expect(second).rejects.toThrow(/another Leadsync server/);
    // The refused start left the first server and its lock alone.
    expect(await clientFor(first.url, token).me.query()).toMatchObject({ role: 'admin' });
    expect(existsSync(join(dataDir, 'leadsync.lock'))).toBe(true);

    await first.close();
    firstOpen = false;
    expect(existsSync(join(dataDir, 'leadsync.lock'))).toBe(false);
    const third = await startServer(serverOptions(dataDir, token));
    try {
      expect(await clientFor(third.url, token).me.query()).toMatchObject({ role: 'admin' });
    } finally {
      await third.close();
    }
  });

  it('takes over a lock left by a process that is gone', async () => {
    const dataDir = makeDataDir();
    cleanups.push(() => removeDir(dataDir));
    // A pid far above any real one stands for a killed server.
    writeFileSync(join(dataDir, 'leadsync.lock'), '4194000');
    const token = randomToken();
    const server = await startServer(serverOptions(dataDir, token));
    try {
      expect(readFileSync(join(dataDir, 'leadsync.lock'), 'utf8')).toBe(String(process.pid));
    } finally {
      await server.close();
    }
  });

  it('takes over a lock that carries this process’s own pid but was left by an earlier process (pid reuse, e.g. pid 1 in a container)', async () => {
    const dataDir = makeDataDir();
    cleanups.push(() => removeDir(dataDir));
    writeFileSync(join(dataDir, 'leadsync.lock'), String(process.pid));
    const token = randomToken();
    const server = await startServer(serverOptions(dataDir, token));
    try {
      expect(await clientFor(server.url, token).me.query()).toMatchObject({ role: 'admin' });
      // While it runs, this process still cannot open the folder twice.
      await expect(startServer(serverOptions(dataDir, token))).rejects.toBeInstanceOf(StoreLockedError);
    } finally {
      await server.close();
    }
    expect(existsSync(join(dataDir, 'leadsync.lock'))).toBe(false);
  });

  it('creates an admin with a generated token on an empty store without LEADSYNC_ADMIN_TOKEN, once', async () => {
    const dataDir = makeDataDir();
    cleanups.push(() => removeDir(dataDir));
    const first = await startServer(serverOptions(dataDir, undefined as unknown as string));
    const token = first.generatedAdminToken;
    expect(token).toMatch(/^ls_/);
    expect(await clientFor(first.url, token).me.query()).toMatchObject({ role: 'admin' });
    await first.close();
    const second = await startServer(serverOptions(dataDir, undefined as unknown as string));
    try {
      expect(second.generatedAdminToken).toBeUndefined();
      expect(await clientFor(second.url, token).me.query()).toMatchObject({ role: 'admin' });
      expect(await clientFor(second.url, token).users.list.query()).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});
