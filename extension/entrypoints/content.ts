import { browser, defineContentScript, type ContentScriptContext } from '#imports';
import { selectionCandidate } from '../../shared/capture/selection.ts';
import type { Candidate } from '../../shared/capture/types.ts';
import { isBlocked, isPageBlocked, parseBlocklist } from '../content/blocklist.ts';
import { mountBadge, mountReview } from '../content/mount.ts';
import { watchProvisional } from '../content/provisional.ts';
import { createReview, reviewedLead } from '../content/review-state.ts';
import { setPhoneMetadata, type MetadataJson } from '../content/phone-lib.ts';
import { SCAN_REPORT_KEY, type ScanReport } from '../content/scan-report.ts';
import { captureMessage, startScanner } from '../content/scanner.ts';
import { readLocal, watchLocal } from '../content/local-store.ts';
import { NEVER_CAPTURE_KEY, PHONE_METADATA_KEY } from '../storage/keys.ts';
import { send } from '../sync/messages.ts';

/** The page's region from its language tag (en-GB → GB), for phone numbers without a country code. */
function pageRegion(doc: Document): string {
  const lang = doc.documentElement.lang || navigator.language || '';
  const match = /^[a-z]{2,3}[-_]([a-z]{2})\b/i.exec(lang);
  return match?.[1]?.toUpperCase() ?? 'US';
}

/** The phone metadata from storage; on a first install the background may still be writing it. */
async function phoneMetadata(ctx: ContentScriptContext): Promise<MetadataJson> {
  const stored = await readLocal<MetadataJson | null>(PHONE_METADATA_KEY, null);
  if (stored) return stored;
  return new Promise((resolve) => {
    const unwatch = watchLocal<MetadataJson | null>(PHONE_METADATA_KEY, (value) => {
      if (!value) return;
      unwatch();
      resolve(value);
    });
    ctx.onInvalidated(unwatch);
  });
}

export default defineContentScript({
  // Registered at run time by the background (background/scan-access.ts) for the origins the
  // extension holds, or injected into one tab by the popup's "Scan this page". These are the
  // origins held from install, for a local server.
  matches: ['http://127.0.0.1/*', 'http://localhost/*'],
  registration: 'runtime',
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  async main(ctx) {
    // The popup's "Scan this page" reads what this run found; published before any await so it
    // is there as soon as the injection returns.
    let report: (r: ScanReport) => void = () => {};
    const reported = new Promise<ScanReport>((r) => (report = r));
    const published = () => reported;
    const slots = globalThis as unknown as Record<string, (() => Promise<ScanReport>) | undefined>;
    slots[SCAN_REPORT_KEY] = published;
    // A newer run on this page (the scanner registered for the site starting after the popup's,
    // or the other way round) stops this one: whoever waits on this report gets the newer one's.
    ctx.onInvalidated(() =>
      setTimeout(() => {
        const newer = slots[SCAN_REPORT_KEY];
        if (newer && newer !== published) void newer().then(report);
      }, 0),
    );

    const [neverCapture, metadata] = await Promise.all([readLocal(NEVER_CAPTURE_KEY, ''), phoneMetadata(ctx)]);
    if (ctx.isInvalid) return;
    setPhoneMetadata(metadata);
    let blocklist = parseBlocklist(neverCapture);
    const unwatch = watchLocal<string>(NEVER_CAPTURE_KEY, (text) => (blocklist = parseBlocklist(text ?? '')));
    ctx.onInvalidated(unwatch);
    // On the rep's never-capture list: nothing here is scanned or captured.
    if (isPageBlocked(location.href, blocklist)) {
      report({ kind: 'blocked' });
      return;
    }
    const region = pageRegion(document);

    /** Opens the review card for a candidate; saving sends it, and a failure stays on the card. */
    const review = (candidate: Candidate, save: (lead: ReturnType<typeof reviewedLead>) => Promise<{ ok: boolean; message?: string; queued?: number }>) => {
      const model = createReview(candidate);
      const unwatch = watchProvisional(model, (contact) => send({ type: 'provisional-score', contact }), region, (fn, ms) => {
        const id = ctx.setTimeout(fn, ms);
        return () => clearTimeout(id);
      });
      let close = () => {};
      void mountReview(
        ctx,
        model,
        async () => {
          const lead = reviewedLead(model, location.href);
          if (isBlocked(lead, blocklist)) {
            model.error.value = 'This address is on your never-capture list (Leadsync options).';
            return;
          }
          model.saving.value = true;
          model.error.value = undefined;
          const reply = await save(lead);
          model.saving.value = false;
          if (reply.ok && reply.queued !== undefined) {
            // Offline: the rep should know it is kept, not lost, before the card goes away.
            model.queued.value = `Saved offline: it syncs when the server answers (${reply.queued} waiting).`;
            ctx.setTimeout(() => close(), 2500);
          } else if (reply.ok) close();
          else model.error.value = reply.message;
        },
        () => close(),
      ).then(
        (fn) =>
          (close = () => {
            unwatch();
            fn();
          }),
      );
    };

    const scanner = startScanner({
      doc: document,
      url: () => location.href,
      region,
      send,
      signal: ctx.signal,
      blocklist: () => blocklist,
      idle: (work) => ctx.requestIdleCallback(work, { timeout: 1000 }),
      mount: (model, anchor, placement, onOpen) => mountBadge(ctx, model, anchor, placement, onOpen),
      review: (badge) =>
        review(badge.candidate, async (lead) => {
          const reply = await scanner.capture(badge, lead);
          return reply.ok ? { ok: true, ...('queued' in reply.data ? { queued: reply.data.waiting } : {}) } : { ok: false, message: reply.message };
        }),
    });

    // "Capture selection as lead" from the context menu: the background only says when; the
    // selected text is read here, where it is.
    const onMessage = (msg: unknown) => {
      if (typeof msg !== 'object' || msg === null || (msg as { type?: unknown }).type !== 'capture-selection') return;
      const text = window.getSelection()?.toString() ?? '';
      if (!text.trim()) return;
      const candidate = selectionCandidate(text, { url: location.href, region });
      review(candidate, async (lead) => {
        if (!lead.email && !lead.phone) return { ok: false, message: 'Add an email or a phone number: a lead needs one of them.' };
        const reply = await send(captureMessage(lead));
        return reply.ok ? { ok: true, ...('queued' in reply.data ? { queued: reply.data.waiting } : {}) } : { ok: false, message: reply.message };
      });
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    // Single-page apps: a new route is a new page; its swapped-in DOM is picked up by the observer.
    ctx.addEventListener(window, 'wxt:locationchange', () => void scanner.scan());
    await scanner.scan();
    report({ kind: 'scanned', ...scanner.counts() });
  },
});
