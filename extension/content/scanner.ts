import { extractContacts } from '../../shared/capture/extract.ts';
import type { Candidate } from '../../shared/capture/types.ts';
import { LOOKUP_MAX } from '../../shared/schemas/api.ts';
import { topReasons } from '../../shared/scoring/explain.ts';
import type { ExtensionMessage, Reply } from '../../shared/schemas/messages.ts';
import type { Replies } from '../background/handlers.ts';
import { createBadgeModel, type BadgeModel } from './badge-state.ts';

export type Send = <T extends ExtensionMessage['type']>(msg: Extract<ExtensionMessage, { type: T }>) => Promise<Reply<Replies[T]>>;

export interface ScannerDeps {
  doc: Document;
  url(): string;
  region: string;
  send: Send;
  /** Puts a badge for the model beside its anchor; returns a function that removes it. */
  mount(model: BadgeModel, anchor: Element, placement: 'after' | 'append', onCapture: (m: BadgeModel) => void): Promise<() => void>;
  /** Aborted when the content script is invalidated (extension reloaded or updated). */
  signal: AbortSignal;
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

export const candidateKey = (c: Candidate): string | undefined => (c.email ? `email:${c.email}` : c.phone ? `phone:${c.phone}` : undefined);

/** A badge must never sit inside a link: a click on it would follow the link. */
function placeOutsideLinks(anchor: Element, placement: 'after' | 'append'): [Element, 'after' | 'append'] {
  const link = anchor.closest('a');
  return link && placement === 'append' ? [link, 'after'] : [anchor, placement];
}

/** Finds the contacts on the page, shows a badge beside each, and keeps up as the page changes. */
export function startScanner(deps: ScannerDeps): { scan(): Promise<void> } {
  const badges = new Map<string, { model: BadgeModel; anchor: Element; remove: () => void }>();

  async function capture(model: BadgeModel): Promise<void> {
    const prior = model.state.value;
    if (prior.kind === 'capturing' || prior.kind === 'known') return;
    model.state.value = { kind: 'capturing' };
    const c = model.candidate;
    const provenance: Record<string, { extractor: string; confidence: number }> = {};
    for (const [field, extractor] of Object.entries(c.provenance)) provenance[field] = { extractor, confidence: c.confidence };
    const reply = await deps.send({
      type: 'capture',
      lead: {
        ...(c.name ? { name: c.name } : {}),
        ...(c.email ? { email: c.email } : {}),
        ...(c.phone ? { phone: c.phone } : {}),
        ...(c.title ? { title: c.title } : {}),
        ...(c.company ? { company: c.company } : {}),
        ...(c.website ? { website: c.website } : {}),
        ...(c.address ? { address: c.address } : {}),
        source: { kind: 'page', url: deps.url() },
        provenance,
        idempotencyKey: crypto.randomUUID(),
      },
    });
    if (reply.ok) {
      const { lead } = reply.data;
      const { up, down } = topReasons(lead.score);
      model.state.value = { kind: 'known', leadId: lead.id, score: lead.score.total, grade: lead.score.grade, status: lead.status, reasons: [...up, ...down] };
    } else {
      model.state.value = { kind: 'error', message: reply.message };
    }
  }

  async function lookup(models: BadgeModel[]): Promise<void> {
    for (let i = 0; i < models.length; i += LOOKUP_MAX) {
      const chunk = models.slice(i, i + LOOKUP_MAX);
      const emails = chunk.flatMap((m) => (m.candidate.email ? [m.candidate.email] : []));
      const phones = chunk.flatMap((m) => (m.candidate.phone && !m.candidate.email ? [m.candidate.phone] : []));
      const reply = await deps.send({ type: 'lookup', emails, phones });
      if (!reply.ok) {
        // Not signed in or offline: the "+" stays, and a click says what is wrong.
        for (const m of chunk) if (m.state.value.kind === 'checking') m.state.value = { kind: 'unknown' };
        continue;
      }
      const byKey = new Map(reply.data.matches.map((match) => [match.key, match]));
      for (const m of chunk) {
        const match = byKey.get(m.candidate.email ?? m.candidate.phone ?? '');
        m.state.value = match
          ? { kind: 'known', leadId: match.leadId, score: match.score, grade: match.grade, status: match.status, ownerName: match.ownerName, reasons: match.reasons }
          : { kind: 'unknown' };
      }
    }
  }

  async function scan(): Promise<void> {
    if (deps.signal.aborted || !deps.doc.body) return;
    for (const [key, badge] of badges) {
      if (!badge.anchor.isConnected) {
        badge.remove();
        badges.delete(key);
      }
    }
    const fresh: BadgeModel[] = [];
    for (const candidate of extractContacts(deps.doc.body, { url: deps.url(), region: deps.region })) {
      const key = candidateKey(candidate);
      if (!key || badges.has(key) || !candidate.anchor) continue;
      const model = createBadgeModel(key, candidate);
      const [anchor, placement] = placeOutsideLinks(candidate.anchor, candidate.placement ?? 'after');
      badges.set(key, { model, anchor, remove: () => {} });
      const remove = await deps.mount(model, anchor, placement, (m) => void capture(m));
      const entry = badges.get(key);
      if (entry) entry.remove = remove;
      fresh.push(model);
    }
    if (fresh.length > 0) await lookup(fresh);
  }

  // Pages that render late or change (webmail, infinite lists) are rescanned, debounced.
  let timer: number | undefined;
  let running: Promise<void> = Promise.resolve();
  const schedule = () => {
    if (timer !== undefined) deps.clearTimeout(timer);
    timer = deps.setTimeout(() => {
      timer = undefined;
      running = running.then(scan, scan);
    }, 400);
  };
  const observer = new MutationObserver((records) => {
    const ours = records.every((r) => r.target instanceof Element && r.target.closest('leadsync-badge'))
      || records.every((r) => [...r.addedNodes, ...r.removedNodes].every((n) => n.nodeName === 'LEADSYNC-BADGE'));
    if (!ours) schedule();
  });
  if (deps.doc.body) observer.observe(deps.doc.body, { childList: true, subtree: true, characterData: true });
  deps.signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer !== undefined) deps.clearTimeout(timer);
    for (const badge of badges.values()) badge.remove();
    badges.clear();
  });

  return {
    scan: () => (running = running.then(scan, scan)),
  };
}
