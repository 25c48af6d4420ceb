import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import type { LookupMatch } from '../../shared/schemas/api.ts';
import type { ExtensionMessage } from '../../shared/schemas/messages.ts';
import type { BadgeModel } from './badge-state.ts';
import { EMPTY_BLOCKLIST, parseBlocklist } from './blocklist.ts';
import { lookupChunks, startScanner, type Send } from './scanner.ts';
import { createBadgeModel } from './badge-state.ts';
import type { Candidate } from '../../shared/capture/types.ts';

// The scanner over a real DOM (happy-dom), with the browser's parts handed in: mounting records
// the badges, the lookup answers from a table, and pausing counts the slices.
const person = (i: number) =>
  `<li class="card"><h3>Person Number${String.fromCharCode(65 + (i % 26))}</h3><p>Sales Manager</p><a href="mailto:person${i}@acme.example">person${i}@acme.example</a></li>`;
const filler = (i: number) => `<section><h4>Section ${i}</h4><p>Lorem ipsum ${i} dolor sit amet.</p></section>`;
const page = (people: number) => `<main><ul>${Array.from({ length: people * 5 }, (_, i) => (i % 5 === 0 ? person(i / 5) : filler(i))).join('')}</ul></main>`;

let window: Window;
/** Lets the DOM deliver its mutation records, as a browser does once the changing script yields. */
const observed = () => new Promise((resolve) => setTimeout(resolve, 0));
afterAll(() => {
  delete (globalThis as { MutationObserver?: unknown }).MutationObserver;
  void window?.happyDOM.close();
});

function setup(html: string, opts: { known?: Record<string, Partial<LookupMatch>>; sliceMs?: number; blocklist?: string } = {}) {
  window = new Window({ url: 'https://acme.example/team' });
  window.document.write(html);
  const doc = window.document as unknown as Document;
  // The scanner observes the page with the page's own MutationObserver.
  (globalThis as { MutationObserver?: unknown }).MutationObserver = window.MutationObserver;
  const controller = new AbortController();
  const lookups: Extract<ExtensionMessage, { type: 'lookup' }>[] = [];
  const mounted = new Map<string, BadgeModel>();
  let removed = 0;
  let pauses = 0;
  const send = (async (msg: ExtensionMessage) => {
    if (msg.type !== 'lookup') return { ok: false, code: 'BAD_REQUEST', message: 'unexpected' };
    lookups.push(msg);
    const matches = [...(msg.emails ?? []), ...(msg.phones ?? [])].flatMap((key) => {
      const known = opts.known?.[key];
      return known ? [{ key, leadId: `ld_${key}`, score: 70, grade: 'B', status: 'contacted' as const, ...known }] : [];
    });
    return { ok: true, data: { matches } };
  }) as unknown as Send;
  const scanner = startScanner({
    doc,
    url: () => 'https://acme.example/team',
    region: 'US',
    send,
    signal: controller.signal,
    blocklist: () => (opts.blocklist ? parseBlocklist(opts.blocklist) : EMPTY_BLOCKLIST),
    idle: (work) => setTimeout(() => work({ timeRemaining: () => 50 }), 0),
    mount: async (model) => {
      mounted.set(model.key, model);
      return () => void removed++;
    },
    review: () => {},
    pause: async () => void pauses++,
    ...(opts.sliceMs !== undefined ? { sliceMs: opts.sliceMs } : {}),
  });
  return { doc, scanner, lookups, mounted, controller, removed: () => removed, pauses: () => pauses };
}

describe('startScanner', () => {
  it('puts one badge per contact and looks the whole batch up in one call', async () => {
    const s = setup(page(30), { known: { 'person3@acme.example': { ownerName: 'Ana', statusSince: '2026-03-01T09:00:00.000Z' } } });
    await s.scanner.scan();
    expect(s.mounted.size).toBe(30);
    expect(s.lookups).toHaveLength(1);
    expect(s.lookups[0]?.emails).toHaveLength(30);
    expect(s.mounted.get('email:person3@acme.example')?.state.value).toMatchObject({ kind: 'known', ownerName: 'Ana', statusSince: '2026-03-01T09:00:00.000Z' });
    expect(s.mounted.get('email:person4@acme.example')?.state.value).toEqual({ kind: 'unknown' });
    expect(s.scanner.counts()).toEqual({ contacts: 30, known: 1 });
  });

  it('knows a contact by any number it lists: the rep may have saved the second one', async () => {
    const s = setup('<ul><li><h3>Omar Haddad</h3><p>call +1 415 555 0133 or +1 415 555 0134</p></li></ul>', { known: { '+14155550134': { ownerName: 'Ana' } } });
    await s.scanner.scan();
    expect(s.lookups[0]?.phones).toEqual(['+14155550133', '+14155550134']);
    expect([...s.mounted.keys()]).toEqual(['phone:+14155550133']);
    expect(s.mounted.get('phone:+14155550133')?.state.value).toMatchObject({ kind: 'known', leadId: 'ld_+14155550134', ownerName: 'Ana' });
  });

  it('hands the thread back between slices, and finds the same contacts as in one go', async () => {
    const whole = setup(page(12), { sliceMs: 1_000_000 });
    await whole.scanner.scan();
    const sliced = setup(page(12), { sliceMs: 0 });
    await sliced.scanner.scan();
    expect(whole.pauses()).toBe(0);
    // A pause after every step of every extractor, and before each badge.
    expect(sliced.pauses()).toBeGreaterThan(12 + 9);
    expect([...sliced.mounted.keys()].sort()).toEqual([...whole.mounted.keys()].sort());
  });

  it('scans only what changed, never the same contact twice', async () => {
    const s = setup(page(3));
    await s.scanner.scan();
    const list = s.doc.querySelector('ul')!;
    list.insertAdjacentHTML('beforeend', person(7));
    list.insertAdjacentHTML('beforeend', person(1)); // already badged
    await observed();
    await s.scanner.settled();
    expect([...s.mounted.keys()].sort()).toEqual(['email:person0@acme.example', 'email:person1@acme.example', 'email:person2@acme.example', 'email:person7@acme.example']);
    expect(s.lookups.map((l) => l.emails)).toEqual([['person0@acme.example', 'person1@acme.example', 'person2@acme.example'], ['person7@acme.example']]);
  });

  it('gives no badge to an address on the never-capture list', async () => {
    const s = setup(page(3), { blocklist: 'person1@acme.example' });
    await s.scanner.scan();
    expect([...s.mounted.keys()].sort()).toEqual(['email:person0@acme.example', 'email:person2@acme.example']);
  });

  it('removes its badges and stops watching when the content script is stopped', async () => {
    const s = setup(page(3));
    await s.scanner.scan();
    s.controller.abort();
    expect(s.removed()).toBe(3);
    s.doc.querySelector('ul')!.insertAdjacentHTML('beforeend', person(9));
    await observed();
    await s.scanner.settled();
    expect(s.mounted.has('email:person9@acme.example')).toBe(false);
    expect(s.lookups).toHaveLength(1);
  });
});

describe('lookupChunks', () => {
  const model = (phones: number) => {
    const numbers = Array.from({ length: phones }, (_, i) => `+1415555${String(1000 + i)}`);
    const candidate: Candidate = { source: { kind: 'page', url: 'https://acme.example' }, confidence: 1, provenance: {}, ...(numbers[0] ? { phone: numbers[0] } : {}), ...(numbers.length > 1 ? { otherPhones: numbers.slice(1) } : {}) };
    return createBadgeModel('k', candidate);
  };
  it.each([
    { what: 'few badges: one call', phones: [1, 1, 0], max: 3, want: [3] },
    { what: 'a full call of badges', phones: [0, 0, 0, 0], max: 3, want: [3, 1] },
    { what: 'numbers fill a call before its badges do', phones: [2, 2, 1], max: 3, want: [1, 2] },
    { what: 'a badge with more numbers than a call still gets its own', phones: [0, 5, 0], max: 3, want: [1, 1, 1] },
  ])('$what', ({ phones, max, want }) => {
    expect(lookupChunks(phones.map(model), max).map((c) => c.length)).toEqual(want);
  });
});
