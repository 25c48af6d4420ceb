import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { children, killGroup, serve } from '../helpers/process.ts';
import { clientFor, listAll, makeDataDir, randomToken, removeDir, type Api } from '../helpers/server.ts';

// Kills the real server with SIGKILL under concurrent load, restarts it on the same DATA_DIR, and
// checks that nothing it acknowledged was lost or doubled. `npm run test:crash` runs 20 rounds.
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 3);
const CAPTURERS = 8;
const PULLERS = 3;

describe(`a server killed with SIGKILL under load, ${ROUNDS} rounds`, () => {
  const dataDir = makeDataDir();
  const adminToken = randomToken();
  afterAll(async () => {
    for (const child of children) killGroup(child, 'SIGKILL');
    await removeDir(dataDir);
  });

  it('keeps every acknowledged capture exactly once, and never gives a lead two owners', { timeout: 60_000 + ROUNDS * 15_000 }, async () => {
    let { proc, url } = await serve({ DATA_DIR: dataDir, LEADSYNC_ADMIN_TOKEN: adminToken, LOG_LEVEL: 'silent' });
    const admin = () => clientFor(url, adminToken);
    const reps: { id: string; token: string }[] = [];
    for (let i = 0; i < PULLERS; i++) {
      const { user, token } = await admin().users.create.mutate({ name: `Crash Rep ${i}`, email: `crash${i}@leadsync.example`, role: 'rep', capacity: 10_000 });
      reps.push({ id: user.id, token });
    }
    const acked = new Set<string>();
    const claims = new Map<string, string>();
    const doubleClaims: string[] = [];

    for (let round = 0; round < ROUNDS; round++) {
      let stop = false;
      const api = (token: string): Api => clientFor(url, token);
      const capturer = async (c: number) => {
        for (let n = 0; !stop; n++) {
          const email = `r${round}-c${c}-${n}@crash.example`;
          try {
            await api(adminToken).leads.capture.mutate({ email, name: `Crash Lead ${round}-${c}-${n}`, source: { kind: 'api' }, idempotencyKey: `crash-${email}` });
            acked.add(email);
          } catch {
            return; // The server is gone: whatever was not answered may or may not have landed.
          }
        }
      };
      const puller = async (rep: { id: string; token: string }) => {
        while (!stop) {
          try {
            const { lead } = await api(rep.token).queue.next.mutate({});
            if (!lead) {
              await new Promise((r) => setTimeout(r, 5));
              continue;
            }
            if (claims.has(lead.id)) doubleClaims.push(lead.id);
            claims.set(lead.id, rep.id);
          } catch {
            return;
          }
        }
      };
      const load = [...Array.from({ length: CAPTURERS }, (_, c) => capturer(c)), ...reps.map(puller)];
      await new Promise((r) => setTimeout(r, 150 + Math.random() * 600));
      killGroup(proc.child, 'SIGKILL');
      await proc.exited;
      stop = true;
      await Promise.all(load);

      // Whatever is on disk must parse: the restart reads the snapshot and replays the journal.
      const snapshot = join(dataDir, 'leadsync.json');
      if (existsSync(snapshot)) expect(() => JSON.parse(readFileSync(snapshot, 'utf8'))).not.toThrow();
      ({ proc, url } = await serve({ DATA_DIR: dataDir, LEADSYNC_ADMIN_TOKEN: adminToken, LOG_LEVEL: 'silent' }));

      const { items } = await listAll(admin());
      const byEmail = new Map<string, number>();
      for (const lead of items) if (lead.email) byEmail.set(lead.email, (byEmail.get(lead.email) ?? 0) + 1);
      const lost = [...acked].filter((email) => !byEmail.has(email));
      const doubled = [...byEmail].filter(([, n]) => n > 1).map(([email]) => email);
      expect({ round, lost, doubled, doubleClaims }).toEqual({ round, lost: [], doubled: [], doubleClaims: [] });
      const owners = new Map(items.map((lead) => [lead.id, lead.ownerId]));
      const wrongOwner = [...claims].filter(([leadId, repId]) => owners.get(leadId) !== repId);
      expect(wrongOwner).toEqual([]);
    }
    expect(acked.size).toBeGreaterThan(ROUNDS * 10);
    killGroup(proc.child, 'SIGTERM');
    expect(await proc.exited).toMatchObject({ code: 0 });
  });
});
