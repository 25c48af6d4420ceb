import { appendFileSync, cpSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { journalName } from '../../server/store/journal.ts';
import { LowdbStore } from '../../server/store/lowdb-store.ts';
import type { Durability } from '../../server/store/snapshot-file.ts';
import type { Activity as ActivityRecord } from '../../shared/schemas/activity.ts';
import { makeDataDir, removeDir } from '../helpers/server.ts';

const dirs: string[] = [];
const newDir = () => {
  const d = makeDataDir();
  dirs.push(d);
  return d;
};
afterEach(async () => {
  for (const d of dirs.splice(0)) await removeDir(d);
});

const note = (i: number): ActivityRecord => ({ id: `act_${String(i).padStart(6, '0')}`, leadId: 'ld_x', userId: 'usr_x', type: 'note', note: `note ${i} ${'x'.repeat(200)}`, at: new Date(1_700_000_000_000 + i).toISOString() });

/** A copy of a live store's folder without its lock: what a restart after SIGKILL finds on disk. */
function crashCopy(dir: string): string {
  const copy = newDir();
  rmSync(copy, { recursive: true, force: true });
  cpSync(dir, copy, { recursive: true, filter: (src) => !src.endsWith('leadsync.lock') });
  return copy;
}

describe('the journal beside the lowdb snapshot', () => {
  it.each<Durability>(['rename', 'fsync'])('replays acknowledged changes that no snapshot holds yet (%s)', async (durability) => {
    const dir = newDir();
    const store = await LowdbStore.open({ dir, durability });
    await Promise.all(Array.from({ length: 50 }, (_, i) => store.transact((tx) => tx.put('activities', note(i)))));
    await store.transact((tx) => tx.delete('activities', note(7).id));
    const reopened = await LowdbStore.open({ dir: crashCopy(dir) });
    expect(reopened.size('activities')).toBe(49);
    expect(reopened.get('activities', note(7).id)).toBeUndefined();
    expect(reopened.get('activities', note(49).id)).toEqual(note(49));
    await reopened.close();
    await store.close();
  });

  it('shares one journal line among the transactions that arrive together', async () => {
    const dir = newDir();
    const store = await LowdbStore.open({ dir });
    await Promise.all(Array.from({ length: 200 }, (_, i) => store.transact((tx) => tx.put('activities', note(i)))));
    const { readFileSync } = await import('node:fs');
    const lines = readFileSync(join(dir, journalName(0)), 'utf8').trim().split('\n');
    // The first append starts at once; everything that arrives meanwhile waits and shares the next.
    expect(lines.length).toBeLessThanOrEqual(3);
    await store.close();
  });

  it('folds the journal into a snapshot once it grows, and drops the folded generations', async () => {
    const dir = newDir();
    const store = await LowdbStore.open({ dir, compactAtBytes: 20_000 });
    for (let i = 0; i < 300; i++) await store.transact((tx) => tx.put('activities', note(i)));
    await store.flush();
    expect(store.snapshots).toBeGreaterThan(0);
    const journals = readdirSync(dir).filter((f) => f.startsWith('journal.'));
    expect(journals.length).toBeLessThanOrEqual(2);
    const reopened = await LowdbStore.open({ dir: crashCopy(dir) });
    expect(reopened.size('activities')).toBe(300);
    await reopened.close();
    await store.close();
  });

  it('leaves one snapshot and an empty journal after a clean close', async () => {
    const dir = newDir();
    const store = await LowdbStore.open({ dir });
    await store.transact((tx) => tx.put('activities', note(1)));
    await store.close();
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['journal.00000001.jsonl', 'leadsync.json']);
    const reopened = await LowdbStore.open({ dir });
    expect(reopened.get('activities', note(1).id)).toEqual(note(1));
    await reopened.close();
  });

  it('drops a torn last line (never acknowledged) but refuses a corrupt line in the middle', async () => {
    const dir = newDir();
    const store = await LowdbStore.open({ dir });
    await store.transact((tx) => tx.put('activities', note(1)));
    const torn = crashCopy(dir);
    appendFileSync(join(torn, journalName(0)), '{"puts":[["activities","act_9",{"id":"act_9"');
    const reopened = await LowdbStore.open({ dir: torn });
    expect(reopened.size('activities')).toBe(1);
    await reopened.close();

    const corrupt = crashCopy(dir);
    writeFileSync(join(corrupt, journalName(0)), `garbage\n${JSON.stringify({ puts: [['activities', 'act_2', note(2)]] })}\n`);
    await expect(LowdbStore.open({ dir: corrupt })).rejects.toThrow(/line 1 is corrupt/);
    await store.close();
  });
});

describe('the snapshot file', () => {
  it('round-trips awkward ids and values, one record per line, as plain JSON', async () => {
    const dir = newDir();
    const store = await LowdbStore.open({ dir });
    const awkward = { id: 'usr_1:leads.capture:a "quoted": key\\ with\nnewline', userId: 'usr_1', at: '2026-01-01T00:00:00.000Z', response: { text: '"}\n{"' } };
    await store.transact((tx) => tx.put('idempotency', awkward));
    await store.transact((tx) => tx.put('activities', note(1)));
    await store.close();
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(join(dir, 'leadsync.json'), 'utf8');
    expect(JSON.parse(text)).toMatchObject({ idempotency: { [awkward.id]: awkward }, activities: { [note(1).id]: note(1) } });
    const reopened = await LowdbStore.open({ dir });
    expect(reopened.get('idempotency', awkward.id)).toEqual(awkward);
    await reopened.close();
  });

  it('reads a snapshot written as one line, as lowdb itself writes it', async () => {
    const dir = newDir();
    writeFileSync(join(dir, 'leadsync.json'), JSON.stringify({ schemaVersion: 1, seq: 3, activities: { [note(4).id]: note(4) } }));
    const store = await LowdbStore.open({ dir });
    expect(store.get('activities', note(4).id)).toEqual(note(4));
    expect(store.size('leads')).toBe(0);
    await store.close();
  });

  it('shares equal score reasons between leads after a reload', async () => {
    const { LeafSharer } = await import('../../server/store/compact-records.ts');
    const sharer = new LeafSharer();
    const a = sharer.share({ score: { reasons: [{ label: 'Full name', points: 8, group: 'quality' }] }, prov: { at: 'x' } });
    const b = sharer.share({ score: { reasons: [{ label: 'Full name', points: 8, group: 'quality' }] }, prov: { at: 'y' } });
    expect(a.score.reasons[0]).toBe(b.score.reasons[0]);
    expect(a.prov).not.toBe(b.prov);
    expect(b.prov).toEqual({ at: 'y' });
  });
});
