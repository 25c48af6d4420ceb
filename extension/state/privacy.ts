import { signal } from '@preact/signals';
import { parseBlocklist } from '../content/blocklist.ts';
import type { Status } from './options.ts';

/** What the rep's never-capture list holds, in words. */
export function describeBlocklist(text: string): string {
  const { emails, domains } = parseBlocklist(text);
  if (emails.size === 0 && domains.length === 0) return 'Nothing is on your never-capture list.';
  const parts = [
    ...(emails.size > 0 ? [`${emails.size} ${emails.size === 1 ? 'address' : 'addresses'}`] : []),
    ...(domains.length > 0 ? [`${domains.length} ${domains.length === 1 ? 'domain' : 'domains'}`] : []),
  ];
  return `Saved: ${parts.join(' and ')} never scanned or captured.`;
}

/**
 * The options' privacy settings. "Scan pages automatically" is the optional host permission for
 * every site itself, not a flag beside it: on asks Chrome for it, off gives it back, and revoking it
 * in Chrome's own settings turns the box off too.
 */
export function createPrivacyModel(deps: {
  hasAllSites(): Promise<boolean>;
  /** Must be called straight from the click: Chrome asks only in answer to a user gesture. */
  requestAllSites(): Promise<boolean>;
  removeAllSites(): Promise<boolean>;
  loadNeverCapture(): Promise<string>;
  saveNeverCapture(text: string): Promise<void>;
}) {
  const autoScan = signal<boolean | null>(null);
  const neverCapture = signal('');
  const status = signal<Status>(null);

  async function load(): Promise<void> {
    const [all, text] = await Promise.all([deps.hasAllSites(), deps.loadNeverCapture()]);
    autoScan.value = all;
    neverCapture.value = text;
  }

  /** Re-reads the permission, after a change made here or in Chrome's settings. */
  async function refresh(): Promise<void> {
    autoScan.value = await deps.hasAllSites();
  }

  async function setAutoScan(on: boolean): Promise<void> {
    const asked = on ? deps.requestAllSites() : deps.removeAllSites();
    // The box shows the answer, not the click: a refused grant must untick it, so it is redrawn.
    autoScan.value = null;
    try {
      await asked;
    } catch (err) {
      status.value = { tone: 'error', text: `Chrome refused: ${err instanceof Error ? err.message : String(err)}` };
    }
    autoScan.value = await deps.hasAllSites();
    if (on && !autoScan.value) status.value = { tone: 'error', text: 'Chrome did not grant access to every site. Scan a page from the Leadsync popup instead.' };
    else if (on) status.value = { tone: 'ok', text: 'Every web page you open is scanned for contacts.' };
    else status.value = { tone: 'ok', text: 'Pages are scanned only when you click Scan this page in the popup.' };
  }

  async function saveNeverCapture(): Promise<void> {
    await deps.saveNeverCapture(neverCapture.value);
    status.value = { tone: 'ok', text: describeBlocklist(neverCapture.value) };
  }

  return { autoScan, neverCapture, status, load, refresh, setAutoScan, saveNeverCapture };
}
export type PrivacyModel = ReturnType<typeof createPrivacyModel>;
