// Where the page scanner runs by itself. The content script is not in the manifest: it is
// registered at run time for the http(s) origins the extension holds. That is the local origins
// of the manifest (127.0.0.1 and localhost, held for a local server) and, once the rep turns on
// "Scan pages automatically" in the options, every site (the optional host permission). Anywhere
// else the rep scans a tab from the popup, which activeTab allows for that tab only.

export const SCAN_SCRIPT_ID = 'leadsync-scan';
export const SCAN_SCRIPT_FILE = '/content-scripts/content.js';
/** The optional host permission behind "Scan pages automatically". */
export const ALL_SITES: readonly string[] = ['https://*/*', 'http://*/*'];

const WEB_PATTERN = /^(\*|https?):\/\/[^/]+\/.*$/;

/**
 * The match patterns to scan automatically, from the origins the extension holds: web origins
 * only (not its own pages), every site when any form of "all sites" is held, sorted and unique.
 */
export function scanMatches(origins: readonly string[]): string[] {
  if (origins.includes('<all_urls>') || origins.includes('*://*/*') || ALL_SITES.every((p) => origins.includes(p))) return [...ALL_SITES];
  return [...new Set(origins.filter((o) => WEB_PATTERN.test(o)))].sort();
}

/** The parts of `chrome.scripting` and `chrome.permissions` this needs, so a test can hand in fakes. */
export interface ScanAccessApi {
  permissions: { getAll(): Promise<{ origins?: string[] }> };
  scripting: {
    getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<{ id: string; matches?: string[] }[]>;
    registerContentScripts(scripts: RegisteredScript[]): Promise<unknown>;
    updateContentScripts(scripts: RegisteredScript[]): Promise<unknown>;
    unregisterContentScripts(filter?: { ids?: string[] }): Promise<unknown>;
  };
}

export interface RegisteredScript {
  id: string;
  js: string[];
  matches: string[];
  runAt: 'document_idle';
  persistAcrossSessions: boolean;
}

/** Registers, updates or removes the scanner so it matches exactly the origins held now. */
export async function syncScanRegistration(api: ScanAccessApi): Promise<string[]> {
  const matches = scanMatches((await api.permissions.getAll()).origins ?? []);
  const [current] = await api.scripting.getRegisteredContentScripts({ ids: [SCAN_SCRIPT_ID] });
  const script: RegisteredScript = { id: SCAN_SCRIPT_ID, js: [SCAN_SCRIPT_FILE], matches, runAt: 'document_idle', persistAcrossSessions: true };
  if (matches.length === 0) {
    if (current) await api.scripting.unregisterContentScripts({ ids: [SCAN_SCRIPT_ID] });
  } else if (!current) {
    await api.scripting.registerContentScripts([script]);
  } else if ((current.matches ?? []).join(' ') !== matches.join(' ')) {
    await api.scripting.updateContentScripts([script]);
  }
  return matches;
}

/** Whether a page's URL falls under a match pattern of the kind scanMatches returns (scheme, host, any path). */
export function urlMatches(url: string, pattern: string): boolean {
  const m = /^(\*|https?):\/\/([^/]+)\/.*$/.exec(pattern);
  if (!m) return false;
  let page: URL;
  try {
    page = new URL(url);
  } catch {
    return false;
  }
  const [, scheme, host] = m as unknown as [string, string, string];
  const pageScheme = page.protocol.slice(0, -1);
  if (pageScheme !== 'http' && pageScheme !== 'https') return false;
  if (scheme !== '*' && scheme !== pageScheme) return false;
  if (host === '*') return true;
  if (host.startsWith('*.')) return page.hostname === host.slice(2) || page.hostname.endsWith(host.slice(1));
  return page.hostname === host;
}

/** The open tabs the scanner may now run in but did not before: those to scan at once after a grant. */
export function newlyCovered(tabs: readonly { id?: number | undefined; url?: string | undefined }[], before: readonly string[], after: readonly string[]): number[] {
  return tabs.flatMap((t) =>
    t.id !== undefined && t.url !== undefined && after.some((p) => urlMatches(t.url!, p)) && !before.some((p) => urlMatches(t.url!, p)) ? [t.id] : [],
  );
}
