import { signal } from '@preact/signals';
import type { ScanReport } from '../content/scan-report.ts';

/** How a scan of the current tab ended, before it is put into words. */
export type ScanOutcome =
  | { kind: 'report'; report: ScanReport }
  | { kind: 'not-a-web-page' }
  | { kind: 'no-access' }
  | { kind: 'failed'; message: string };

export type ScanNotice = { tone: 'ok' | 'info' | 'error'; text: string };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What the popup says after "Scan this page". */
export function describeScan(outcome: ScanOutcome): ScanNotice {
  switch (outcome.kind) {
    case 'report': {
      const r = outcome.report;
      if (r.kind === 'blocked') return { tone: 'info', text: 'This site is on your never-capture list: nothing here is scanned.' };
      if (r.contacts === 0) return { tone: 'info', text: 'No contacts found on this page.' };
      const known = r.known === 0 ? 'none known yet' : r.known === r.contacts ? (r.contacts === 1 ? 'already a lead' : 'all already leads') : `${r.known} already ${r.known === 1 ? 'a lead' : 'leads'}`;
      return { tone: 'ok', text: `Found ${plural(r.contacts, 'contact', 'contacts')} on this page, ${known}. Click a badge to capture.` };
    }
    case 'not-a-web-page':
      return { tone: 'info', text: 'Leadsync scans web pages (http or https) only, not this one.' };
    case 'no-access':
      return { tone: 'error', text: 'Chrome did not let Leadsync read this page. Open Leadsync from its toolbar icon while on the page, then click Scan this page.' };
    case 'failed':
      return { tone: 'error', text: `Could not scan this page: ${outcome.message}` };
  }
}

/** Chrome's refusal when neither activeTab nor a host permission covers the tab. */
const NO_ACCESS = /cannot access|permission|host/i;

/**
 * "Scan this page": runs the page scanner in the tab the rep is on. Opening the popup from the
 * toolbar grants activeTab on that tab, which is all the access this needs.
 */
export function createScanPageModel(deps: {
  activeTab(): Promise<{ id?: number | undefined; url?: string | undefined } | undefined>;
  /** Injects the content script into the tab; it starts a fresh scan (any earlier run there stops). */
  inject(tabId: number): Promise<void>;
  /** Waits for that scan and says what it found. */
  report(tabId: number): Promise<ScanReport | undefined>;
}) {
  const busy = signal(false);
  const notice = signal<ScanNotice | null>(null);

  async function outcome(): Promise<ScanOutcome> {
    const tab = await deps.activeTab();
    // Without activeTab or a host permission Chrome hides the tab's URL: try, and let it say no.
    if (tab?.id === undefined) return { kind: 'not-a-web-page' };
    if (tab.url !== undefined && !/^https?:/i.test(tab.url)) return { kind: 'not-a-web-page' };
    try {
      await deps.inject(tab.id);
      const report = await deps.report(tab.id);
      return report ? { kind: 'report', report } : { kind: 'failed', message: 'the scanner did not start on it' };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      return NO_ACCESS.test(message) ? { kind: 'no-access' } : { kind: 'failed', message };
    }
  }

  async function scan(): Promise<void> {
    if (busy.value) return;
    busy.value = true;
    notice.value = { tone: 'info', text: 'Scanning this page…' };
    try {
      notice.value = describeScan(await outcome());
    } finally {
      busy.value = false;
    }
  }

  return { busy, notice, scan };
}
export type ScanPageModel = ReturnType<typeof createScanPageModel>;
