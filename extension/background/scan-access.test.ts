import { describe, expect, it } from 'vitest';
import { ALL_SITES, newlyCovered, SCAN_SCRIPT_ID, scanMatches, syncScanRegistration, urlMatches, type RegisteredScript, type ScanAccessApi } from './scan-access.ts';

describe('scanMatches', () => {
  const cases: [string, string[], string[]][] = [
    ['the local origins held at install', ['http://127.0.0.1/*', 'http://localhost/*'], ['http://127.0.0.1/*', 'http://localhost/*']],
    ['all sites granted: every page, once', ['http://127.0.0.1/*', 'https://*/*', 'http://localhost/*', 'http://*/*'], [...ALL_SITES]],
    ['only half of all sites: that half and the rest as held', ['https://*/*', 'http://localhost/*'], ['http://localhost/*', 'https://*/*']],
    ['<all_urls> counts as all sites', ['<all_urls>'], [...ALL_SITES]],
    ['a remote server origin granted for the API', ['https://leads.acme.com/*'], ['https://leads.acme.com/*']],
    ['not the extension\'s own pages or files', ['chrome-extension://abc/*', 'file:///*'], []],
    ['duplicates once, sorted', ['http://localhost/*', 'http://localhost/*', 'http://127.0.0.1/*'], ['http://127.0.0.1/*', 'http://localhost/*']],
    ['nothing held', [], []],
  ];
  it.each(cases)('%s', (_label, origins, expected) => expect(scanMatches(origins)).toEqual(expected));
});

/** A scripting API that keeps its registrations in memory, as Chrome does. */
function fakeApi(origins: string[]): ScanAccessApi & { scripts: Map<string, RegisteredScript>; calls: string[] } {
  const scripts = new Map<string, RegisteredScript>();
  const calls: string[] = [];
  return {
    scripts,
    calls,
    permissions: { getAll: async () => ({ origins }) },
    scripting: {
      getRegisteredContentScripts: async (filter) => [...scripts.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id)),
      registerContentScripts: async (list) => {
        calls.push('register');
        for (const s of list) {
          if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          scripts.set(s.id, s);
        }
      },
      updateContentScripts: async (list) => {
        calls.push('update');
        for (const s of list) scripts.set(s.id, s);
      },
      unregisterContentScripts: async (filter) => {
        calls.push('unregister');
        for (const id of filter?.ids ?? []) scripts.delete(id);
      },
    },
  };
}

describe('syncScanRegistration', () => {
  it('registers the scanner for the held origins, and does nothing more while they stay the same', async () => {
    const api = fakeApi(['http://127.0.0.1/*']);
    expect(await syncScanRegistration(api)).toEqual(['http://127.0.0.1/*']);
    await syncScanRegistration(api);
    expect(api.calls).toEqual(['register']);
    expect(api.scripts.get(SCAN_SCRIPT_ID)).toMatchObject({ js: ['/content-scripts/content.js'], matches: ['http://127.0.0.1/*'], persistAcrossSessions: true });
  });

  it('widens to every site when the rep grants it, and narrows back when it is revoked', async () => {
    const origins = ['http://127.0.0.1/*'];
    const api = fakeApi(origins);
    await syncScanRegistration(api);
    origins.push(...ALL_SITES);
    await syncScanRegistration(api);
    expect(api.scripts.get(SCAN_SCRIPT_ID)?.matches).toEqual([...ALL_SITES]);
    origins.splice(1);
    await syncScanRegistration(api);
    expect(api.scripts.get(SCAN_SCRIPT_ID)?.matches).toEqual(['http://127.0.0.1/*']);
    expect(api.calls).toEqual(['register', 'update', 'update']);
  });

  it('unregisters the scanner when no web origin is held', async () => {
    const origins = ['http://localhost/*'];
    const api = fakeApi(origins);
    await syncScanRegistration(api);
    origins.length = 0;
    expect(await syncScanRegistration(api)).toEqual([]);
    expect(api.scripts.size).toBe(0);
  });
});

describe('urlMatches', () => {
  const cases: [string, string, boolean][] = [
    ['https://acme.example/team', 'https://*/*', true],
    ['http://acme.example/team', 'https://*/*', false],
    ['http://127.0.0.1:8080/x', 'http://127.0.0.1/*', true],
    ['http://localhost/', 'http://127.0.0.1/*', false],
    ['https://www.acme.example/', '*://*.acme.example/*', true],
    ['https://acme.example/', '*://*.acme.example/*', true],
    ['https://notacme.example/', '*://*.acme.example/*', false],
    ['chrome://extensions/', '*://*/*', false],
    ['not a url', 'https://*/*', false],
  ];
  it.each(cases)('%s under %s: %s', (url, pattern, expected) => expect(urlMatches(url, pattern)).toBe(expected));
});

describe('newlyCovered', () => {
  it('picks the open web tabs that a grant of every site newly covers', () => {
    const tabs = [
      { id: 1, url: 'https://acme.example/team' },
      { id: 2, url: 'http://127.0.0.1:3000/page' },
      { id: 3, url: 'chrome://settings/' },
      { id: 4 },
      { id: 5, url: 'http://globex.example/' },
    ];
    expect(newlyCovered(tabs, ['http://127.0.0.1/*', 'http://localhost/*'], [...ALL_SITES])).toEqual([1, 5]);
    expect(newlyCovered(tabs, [...ALL_SITES], ['http://127.0.0.1/*'])).toEqual([]);
  });
});
