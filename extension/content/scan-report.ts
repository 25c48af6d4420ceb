// What a scan of the current tab found, read back by the popup's "Scan this page". The content
// script publishes a function under this key in its isolated world; the popup runs a second
// injected function there that calls it (scripting.executeScript awaits the promise it returns).

export const SCAN_REPORT_KEY = '__leadsyncScanReport';

export type ScanReport = { kind: 'scanned'; contacts: number; known: number } | { kind: 'blocked' };

/** Reads the report in the page's isolated world; runs there, so it may use nothing from outside. */
export function readScanReport(key: string): Promise<ScanReport> | undefined {
  const fn = (globalThis as unknown as Record<string, unknown>)[key];
  return typeof fn === 'function' ? (fn as () => Promise<ScanReport>)() : undefined;
}
