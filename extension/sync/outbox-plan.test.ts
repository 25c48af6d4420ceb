import { describe, expect, it } from 'vitest';
import { backoffMs, BACKOFF_MS, describeEntry, nextToReplay, prepareForReplay, sameAccount, settle, type Attempt, type OutboxEntry, type OutboxOp } from './outbox-plan.ts';

const now = new Date('2026-03-10T09:00:00.000Z');
const account = { serverUrl: 'http://127.0.0.1:4400', token: 't1' };
const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
const capture = (name: string): OutboxOp => ({ kind: 'capture', input: { name, email: `${name}@x.example`, source: { kind: 'page' }, idempotencyKey: `k-${name}` } });
const activity = (followUpAt?: string): OutboxOp => ({ kind: 'activity', input: { leadId: 'ld_1', type: 'call', outcome: 'no_answer', idempotencyKey: 'k-act', ...(followUpAt ? { followUpAt } : {}) }, leadName: 'Ana Ruiz' });
const update: OutboxOp = { kind: 'update', input: { id: 'ld_1', version: 3, patch: { title: 'CEO' }, idempotencyKey: 'k-upd' }, base: { title: 'VP Sales' }, leadName: 'Ana Ruiz' };
const entry = (id: string, op: OutboxOp, extra: Partial<OutboxEntry> = {}): OutboxEntry => ({ id, op, account, queuedAt: at(-60_000), attempts: 0, nextAt: at(-60_000), ...extra });

describe('backoffMs', () => {
  it.each([
    [1, 0.5, 2_000],
    [2, 0.5, 5_000],
    [3, 0, 7_500],
    [3, 0.999999, 12_500],
    [8, 0.5, 300_000],
    [50, 0.5, 300_000],
    [0, 0.5, 2_000],
  ])('after %i failures (random %f) waits %i ms', (attempts, random, ms) => {
    expect(backoffMs(attempts, random)).toBe(ms);
  });
  it('grows and then stays at its cap', () => {
    const waits = BACKOFF_MS.map((_, i) => backoffMs(i + 1, 0.5));
    expect(waits).toEqual([...waits].sort((a, b) => a - b));
    expect(backoffMs(BACKOFF_MS.length + 3, 0.5)).toBe(waits.at(-1));
  });
});

describe('nextToReplay', () => {
  it.each([
    { what: 'an empty outbox has nothing', outbox: [], entry: undefined, wait: undefined },
    { what: 'the head is due', outbox: [entry('a', capture('a')), entry('b', capture('b'))], entry: 'a', wait: undefined },
    { what: 'a head in backoff holds back the rest, in order', outbox: [entry('a', capture('a'), { nextAt: at(5_000) }), entry('b', capture('b'))], entry: undefined, wait: 5_000 },
    { what: 'a head due exactly now goes', outbox: [entry('a', capture('a'), { nextAt: at(0) })], entry: 'a', wait: undefined },
  ])('$what', ({ outbox, entry: id, wait }) => {
    const next = nextToReplay(outbox, now);
    expect(next.entry?.id).toBe(id);
    expect(next.wait).toBe(wait);
  });
});

describe('settle', () => {
  const a = entry('a', capture('a'));
  const b = entry('b', capture('b'));
  const u = entry('u', update);
  const fail = (code: Extract<Attempt, { ok: false }>['code'], message = 'm'): Attempt => ({ ok: false, code, message });
  it.each([
    { what: 'success removes the entry', outbox: [a, b], e: a, attempt: { ok: true } as Attempt, kind: 'done', left: ['b'] },
    { what: 'an unreachable server keeps it first, with backoff', outbox: [a, b], e: a, attempt: fail('UNREACHABLE'), kind: 'retry', left: ['a', 'b'] },
    { what: 'a server error is retried too', outbox: [a], e: a, attempt: fail('ERROR'), kind: 'retry', left: ['a'] },
    { what: 'a refused token is retried (the rep may fix the settings)', outbox: [a], e: a, attempt: fail('UNAUTHORIZED'), kind: 'retry', left: ['a'] },
    { what: 'bad input leaves the outbox as a refusal', outbox: [a, b], e: a, attempt: fail('BAD_REQUEST', 'email: is not valid'), kind: 'rejected', left: ['b'] },
    { what: 'no right to the lead is a refusal', outbox: [u], e: u, attempt: fail('FORBIDDEN'), kind: 'rejected', left: [] },
    { what: 'a stale version is a conflict', outbox: [u, a], e: u, attempt: fail('CONFLICT', 'version: the lead changed since version 3; it is now at version 5'), kind: 'conflict', left: ['a'] },
    { what: 'an email taken by another lead is a refusal, not a conflict to choose', outbox: [u], e: u, attempt: fail('CONFLICT', 'email: x@y.example already belongs to lead ld_2'), kind: 'rejected', left: [] },
  ])('$what', ({ outbox, e, attempt, kind, left }) => {
    const s = settle(outbox, e, attempt, now, 0.5);
    expect(s.kind).toBe(kind);
    expect(s.outbox.map((x) => x.id)).toEqual(left);
  });
  it('counts attempts and sets when to try again', () => {
    const s = settle([a], { ...a, attempts: 2 }, fail('UNREACHABLE', 'Cannot reach'), now, 0.5);
    expect(s).toMatchObject({ kind: 'retry', wait: 10_000 });
    expect(s.outbox[0]).toMatchObject({ attempts: 3, nextAt: at(10_000), lastError: 'Cannot reach' });
  });
});

describe('prepareForReplay', () => {
  it.each([
    { what: 'a capture is sent as queued', op: capture('a'), followUpAt: undefined },
    { what: 'an activity without a follow-up is unchanged', op: activity(), followUpAt: undefined },
    { what: 'a future follow-up is kept', op: activity(at(3_600_000)), followUpAt: at(3_600_000) },
    { what: 'a follow-up that passed while offline becomes due now', op: activity(at(-3_600_000)), followUpAt: now.toISOString() },
  ])('$what', ({ op, followUpAt }) => {
    const sent = prepareForReplay(op, now);
    if (sent.kind === 'activity') expect(sent.input.followUpAt).toBe(followUpAt);
    else expect(sent).toBe(op);
  });
});

describe('sameAccount and describeEntry', () => {
  it.each([
    [{ serverUrl: 'http://127.0.0.1:4400/', token: 't1' }, true],
    [{ serverUrl: 'http://127.0.0.1:4401', token: 't1' }, false],
    [{ serverUrl: 'http://127.0.0.1:4400', token: 't2' }, false],
  ])('%o same as the queued account: %s', (other, same) => expect(sameAccount(account, other)).toBe(same));
  it.each([
    [entry('a', capture('maria')), 'Capture maria'],
    [entry('b', activity()), 'Call (no answer) on Ana Ruiz'],
    [entry('c', update), 'Edit of Ana Ruiz: title'],
  ])('%#: %s', (e, text) => expect(describeEntry(e)).toBe(text));
});
