import { startServer } from '../../server/server.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { clientFor, makeDataDir, randomToken, removeDir, serverOptions } from '../helpers/server.ts';
import { IDEMPOTENCY_TTL_MS } from '../../server/repos/idempotency.ts';

describe('maintenance', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const d of dirs.splice(0)) await removeDir(d);
  });

  it('keeps idempotency keys for their TTL, then forgets them', async () => {
    const dataDir = makeDataDir();
    dirs.push(dataDir);
    const token = randomToken();
    const capture = { email: 'kept@acme.example', source: { kind: 'manual' as const }, idempotencyKey: 'offline-replay-0001' };

    let now = new Date('2026-03-01T09:00:00Z');
    let server = await startServer(serverOptions(dataDir, token, { now: () => now }));
    const first = await clientFor(server.url, token).leads.capture.mutate(capture);
    expect(first.created).toBe(true);
    await server.close();

    // A day later the key still replays the first answer, across a restart.
    now = new Date(now.getTime() + 24 * 3600_000);
    server = await startServer(serverOptions(dataDir, token, { now: () => now }));
    expect(await clientFor(server.url, token).leads.capture.mutate(capture)).toEqual(first);
    await server.close();

    // Past the TTL the start-up sweep drops it: the same capture is now a plain merge.
    now = new Date(now.getTime() + IDEMPOTENCY_TTL_MS);
    server = await startServer(serverOptions(dataDir, token, { now: () => now }));
    await server.deps.store.flush();
    const late = await clientFor(server.url, token).leads.capture.mutate(capture);
    expect(late).toMatchObject({ created: false, lead: { id: first.lead.id } });
    await server.close();
  });
});
