import { phonesOf } from '../../shared/capture/candidate.ts';
import { extractContactsInSlices } from '../../shared/capture/extract.ts';
import type { Candidate } from '../../shared/capture/types.ts';
import { LOOKUP_MAX } from '../../shared/schemas/limits.ts';
import { topReasons } from '../../shared/scoring/explain.ts';
import type { ExtensionMessage, Reply } from '../../shared/schemas/messages.ts';
import type { Replies } from '../background/handlers.ts';
import { createBadgeModel, type BadgeModel } from './badge-state.ts';
import { isBlocked, type Blocklist } from './blocklist.ts';

export type Send = <T extends ExtensionMessage['type']>(msg: Extract<ExtensionMessage, { type: T }>) => Promise<Reply<Replies[T]>>;

/** An idle-time slice: how many milliseconds are left before the page needs the thread back. */
export interface IdleDeadline {
  timeRemaining(): number;
}

export interface ScannerDeps {
  doc: Document;
  url(): string;
  region: string;
  send: Send;
  /** Puts a badge for the model beside its anchor; returns a function that removes it. */
  mount(model: BadgeModel, anchor: Element, placement: 'after' | 'append', onOpen: (m: BadgeModel) => void): Promise<() => void>;
  /** Opens the review card for an unknown contact; resolves when it is saved or closed. */
  review(model: BadgeModel): void;
  /** Runs work when the page is idle (requestIdleCallback, bound to the content script's life). */
  idle(work: (deadline: IdleDeadline) => void): void;
  /** Addresses and domains the rep never captures. */
  blocklist(): Blocklist;
  /** Aborted when the content script is invalidated (extension reloaded or updated). */
  signal: AbortSignal;
  /** Gives the main thread back to the page between slices of a scan (default: scheduler.yield, else a macrotask). */
  pause?(): Promise<void>;
  /** How long a slice may run before it pauses (default SLICE_MS). */
  sliceMs?: number;
}

/** How long one slice of extraction may hold the main thread: far below the 50 ms of a long task. */
export const SLICE_MS = 12;

function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/** Every key a contact is known by: its email, then every number it lists (the rep may have saved any one of them). The first names its badge. */
export const candidateKeys = (c: Candidate): string[] => [...(c.email ? [`email:${c.email}`] : []), ...phonesOf(c).map((p) => `phone:${p}`)];
export const candidateKey = (c: Candidate): string | undefined => candidateKeys(c)[0];

/** Badges cut into lookup calls that each stay within the server's limit of emails and of phones. */
export function lookupChunks(models: readonly BadgeModel[], max = LOOKUP_MAX): BadgeModel[][] {
  const chunks: BadgeModel[][] = [];
  let chunk: BadgeModel[] = [];
  let phones = 0;
  for (const m of models) {
    const n = phonesOf(m.candidate).length;
    if (chunk.length > 0 && (chunk.length === max || phones + n > max)) {
      chunks.push(chunk);
      chunk = [];
      phones = 0;
    }
    chunk.push(m);
    phones += n;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/** A badge must never sit inside a link: a click on it would follow the link. */
function placeOutsideLinks(anchor: Element, placement: 'after' | 'append'): [Element, 'after' | 'append'] {
  const link = anchor.closest('a');
  return link && placement === 'append' ? [link, 'after'] : [anchor, placement];
}

const OURS = /^LEADSYNC-/;
const isOurs = (n: Node) => OURS.test(n.nodeName) || (n.parentElement?.closest('leadsync-badge, leadsync-review') ?? null) !== null;

/**
 * Finds the contacts on the page and shows a badge beside each: a full scan after load, then
 * only the parts of the page that change, in idle-time slices. One lookup per batch.
 */
export function startScanner(deps: ScannerDeps): {
  scan(): Promise<void>;
  settled(): Promise<void>;
  capture(model: BadgeModel, lead: Parameters<typeof captureMessage>[0]): Promise<Reply<Replies['capture']>>;
  /** How many contacts have a badge now, and how many of them are known leads. */
  counts(): { contacts: number; known: number };
} {
  const badges = new Map<string, { model: BadgeModel; anchor: Element; remove: () => void }>();
  const keyToBadge = new Map<string, string>();
  const sliceMs = deps.sliceMs ?? SLICE_MS;
  const scanned = new WeakSet<Node>();
  const pending = new Set<Element>();
  let idleScheduled = false;
  let running: Promise<void> = Promise.resolve();

  async function lookup(models: BadgeModel[]): Promise<void> {
    for (const chunk of lookupChunks(models)) {
      const emails = chunk.flatMap((m) => (m.candidate.email ? [m.candidate.email] : []));
      const phones = chunk.flatMap((m) => phonesOf(m.candidate));
      const reply = await deps.send({ type: 'lookup', emails, phones });
      if (!reply.ok) {
        // Not signed in or offline: the "+" stays, and saving says what is wrong.
        for (const m of chunk) if (m.state.value.kind === 'checking') m.state.value = { kind: 'unknown' };
        continue;
      }
      const byKey = new Map(reply.data.matches.map((match) => [match.key, match]));
      for (const m of chunk) {
        const match = (m.candidate.email && byKey.get(m.candidate.email)) || phonesOf(m.candidate).map((p) => byKey.get(p)).find(Boolean);
        m.state.value = match
          ? {
              kind: 'known',
              leadId: match.leadId,
              score: match.score,
              grade: match.grade,
              status: match.status,
              ownerName: match.ownerName,
              statusSince: match.statusSince,
              reasons: match.reasons,
              ...(reply.stale ? { staleSince: reply.stale } : {}),
            }
          : { kind: 'unknown' };
      }
    }
  }

  const open = (model: BadgeModel) => {
    const state = model.state.value.kind;
    if (state === 'unknown' || state === 'error' || state === 'checking') deps.review(model);
  };

  /**
   * Extracts from roots, mounts a badge for each new contact, and looks them all up at once.
   * `mounted` is called once the badges are on the page, before the lookup's round trip.
   */
  async function scanRoots(roots: ParentNode[], mounted?: () => void): Promise<void> {
    if (deps.signal.aborted) return;
    for (const [key, badge] of badges) {
      if (!badge.anchor.isConnected) {
        badge.remove();
        badges.delete(key);
        for (const k of candidateKeys(badge.model.candidate)) keyToBadge.delete(k);
      }
    }
    const blocklist = deps.blocklist();
    const fresh: { model: BadgeModel; entry: { model: BadgeModel; anchor: Element; remove: () => void }; placement: 'after' | 'append' }[] = [];
    for (const root of roots) {
      const found = await extractInSlices(root);
      if (found === undefined) return;
      for (const candidate of found) {
        const keys = candidateKeys(candidate);
        const key = keys[0];
        if (!key || !candidate.anchor || keys.some((k) => keyToBadge.has(k)) || isBlocked(candidate, blocklist)) continue;
        const model = createBadgeModel(key, candidate);
        const [anchor, placement] = placeOutsideLinks(candidate.anchor, candidate.placement ?? 'after');
        const entry = { model, anchor, remove: () => {} };
        badges.set(key, entry);
        for (const k of keys) keyToBadge.set(k, key);
        fresh.push({ model, entry, placement });
      }
    }
    // One lookup round trip for the whole batch, sent first: it travels while the badges mount.
    const looked = fresh.length > 0 ? lookup(fresh.map((f) => f.model)) : undefined;
    const mounts: Promise<void>[] = [];
    let sliceStart = performance.now();
    for (const { model, entry, placement } of fresh) {
      // A page of hundreds of contacts mounts its badges in slices too.
      if (performance.now() - sliceStart >= sliceMs) {
        performance.measure('leadsync-mount', { start: sliceStart, end: performance.now() });
        await (deps.pause ?? yieldToPage)();
        if (deps.signal.aborted) return;
        sliceStart = performance.now();
      }
      mounts.push(
        deps.mount(model, entry.anchor, placement, open).then((remove) => {
          // Stopped while it mounted: the abort handler has already cleared the others.
          if (deps.signal.aborted) remove();
          else entry.remove = remove;
        }),
      );
    }
    performance.measure('leadsync-mount', { start: sliceStart, end: performance.now() });
    await Promise.all(mounts);
    mounted?.();
    await looked;
  }

  /**
   * Runs the extractors over a root in slices of SLICE_MS, giving the page the main thread between
   * them. Each slice is a user-timing measure, so the page's tools (and our benchmark) see the
   * longest. Undefined when the content script was stopped meanwhile.
   */
  async function extractInSlices(root: ParentNode) {
    const work = extractContactsInSlices(root, { url: deps.url(), region: deps.region });
    for (;;) {
      const started = performance.now();
      let step = work.next();
      while (!step.done && performance.now() - started < sliceMs) step = work.next();
      performance.measure('leadsync-extract', { start: started, end: performance.now() });
      if (step.done) return step.value;
      await (deps.pause ?? yieldToPage)();
      if (deps.signal.aborted) return undefined;
    }
  }

  async function fullScan(): Promise<void> {
    if (!deps.doc.body) return;
    scanned.add(deps.doc.body);
    // User-timing marks: the page's own performance tools (and our benchmark) see what a scan costs.
    // The scan ends when its badges are on the page; the lookup that colours them is measured apart.
    const started = performance.now();
    let badgesAt: number | undefined;
    await scanRoots([deps.doc], () => {
      badgesAt = performance.now();
      performance.measure('leadsync-scan', { start: started, end: badgesAt });
    });
    if (badgesAt !== undefined) performance.measure('leadsync-lookup', { start: badgesAt, end: performance.now() });
  }

  /** Takes changed subtrees in idle time; each root is one unit of work, so no slice runs long. */
  function drain(deadline: IdleDeadline): void {
    idleScheduled = false;
    const batch: Element[] = [];
    for (const root of pending) {
      pending.delete(root);
      if (!root.isConnected || scanned.has(root)) continue;
      scanned.add(root);
      batch.push(root);
      if (deadline.timeRemaining() < 5) break;
    }
    if (batch.length > 0) running = running.then(() => scanRoots(batch), () => scanRoots(batch));
    if (pending.size > 0) schedule();
  }

  function schedule(): void {
    if (idleScheduled || deps.signal.aborted) return;
    idleScheduled = true;
    deps.idle(drain);
  }

  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (isOurs(r.target)) continue;
      const nodes = r.type === 'characterData' ? [r.target] : Array.from(r.addedNodes);
      for (const node of nodes) {
        if (isOurs(node)) continue;
        // The parent, so an extractor that matches the added element itself (a message, a card) sees it.
        const root = node.parentElement;
        if (!root || root === deps.doc.documentElement) continue;
        // A changed subtree is scanned anew, once per batch; unchanged parts of the page are not.
        scanned.delete(root);
        pending.add(root);
      }
    }
    // Roots inside other pending roots are covered by them.
    for (const root of pending) for (const other of pending) if (other !== root && other.contains(root)) pending.delete(root);
    if (pending.size > 0) schedule();
  });
  if (deps.doc.body) observer.observe(deps.doc.body, { childList: true, subtree: true, characterData: true });
  deps.signal.addEventListener('abort', () => {
    observer.disconnect();
    pending.clear();
    for (const badge of badges.values()) badge.remove();
    badges.clear();
    keyToBadge.clear();
  });

  async function capture(model: BadgeModel, lead: Parameters<typeof captureMessage>[0]): Promise<Reply<Replies['capture']>> {
    model.state.value = { kind: 'capturing' };
    const reply = await deps.send(captureMessage(lead));
    if (reply.ok && 'queued' in reply.data) {
      model.state.value = { kind: 'queued', waiting: reply.data.waiting };
    } else if (reply.ok && 'lead' in reply.data) {
      const { lead: saved } = reply.data;
      const { up, down } = topReasons(saved.score);
      // Captured this moment: its status (new, or assigned by a routing rule) dates from now.
      model.state.value = { kind: 'known', leadId: saved.id, score: saved.score.total, grade: saved.score.grade, status: saved.status, statusSince: saved.updatedAt, reasons: [...up, ...down] };
    } else {
      model.state.value = { kind: 'unknown' };
    }
    return reply;
  }

  return {
    scan: () => (running = running.then(fullScan, fullScan)),
    // Resolves once every change seen so far has been scanned (tests and the popup's "scan now").
    settled: async () => {
      while (pending.size > 0 || idleScheduled) await new Promise((r) => setTimeout(r, 20));
      await running;
    },
    capture,
    counts: () => {
      let known = 0;
      for (const { model } of badges.values()) if (model.state.value.kind === 'known') known++;
      return { contacts: badges.size, known };
    },
  };
}

type CaptureMessage = Extract<ExtensionMessage, { type: 'capture' }>;
export function captureMessage(lead: Omit<CaptureMessage['lead'], 'idempotencyKey'>): CaptureMessage {
  return { type: 'capture', lead: { ...lead, idempotencyKey: crypto.randomUUID() } };
}
