// What a scan of the current tab found, read back by the popup's "Scan this page". The content
// script publishes a function under this key in its isolated world; the popup runs a second
// injected function there that calls it (scripting.executeScript awaits the promise it returns).

export const SCAN_REPORT_KEY = '__leadsyncScanReport';

export type ScanReport = { kind: 'scanned'; contacts: number; known: number } | { kind: 'blocked' };

/**
 * Reads the report in the page's isolated world; runs there, so it may use nothing from outside.
 * The scanner publishes it as it starts, which may be a moment after its file was injected.
 */
export async function readScanReport(key: string): Promise<ScanReport | undefined> {
  for (let tries = 0; tries < 100; tries++) {
    const fn = (globalThis as unknown as Record<string, unknown>)[key];
    if (typeof fn === 'function') return (fn as () => Promise<ScanReport>)();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return undefined;
}
