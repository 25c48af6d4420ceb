import { resolve } from 'node:path';
import type { Page, WebWorker } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../helpers/server.ts';
import { badgeSelector, connectThroughOptions, launchWithExtension, waitBadgeState, type ExtensionBrowser } from './browser.ts';
import { serveFixtures } from './static-server.ts';

// Where pages are scanned. The content script is registered only for the origins the extension
// holds: 127.0.0.1 and localhost from install, every site once the rep turns on "Scan pages
// automatically". Elsewhere the rep clicks "Scan this page" in the popup, which activeTab allows.
//
// What puppeteer cannot do, and how this test stands in for it: it cannot click Chrome's
// permission prompt (so "Scan pages automatically" stays off here) nor the toolbar icon (the
// click that grants activeTab). So on a host the extension holds nothing for, the popup's scan is
// refused and says how to get access; the same button on a page the extension may read (as
// activeTab would let it) scans it and reports what it found.
describe('scanning only where the rep allows it', () => {
  let server: TestServer;
  let site: Awaited<ReturnType<typeof serveFixtures>>;
  let ext: ExtensionBrowser;
  let rep: TestUser;
  let worker: WebWorker;
  let port: string;

  beforeAll(async () => {
    server = await startTestServer();
    rep = await server.createUser('rep', { name: 'Ana Ruiz', email: 'ana.ruiz@leadsync.example' });
    site = await serveFixtures(resolve('test/fixtures'));
    port = new URL(site.url).port;
    // team.acme.test is the fixture server under a name the extension holds no access to.
    ext = await launchWithExtension(undefined, ['--host-resolver-rules=MAP team.acme.test 127.0.0.1', '--disable-features=HttpsUpgrades']);
    worker = (await (await ext.browser.waitForTarget((t) => t.type() === 'service_worker')).worker())!;
    await (await connectThroughOptions(ext, server.url, rep.token)).close();
    // One person of the team page is already a lead: Ana took it from the queue and called.
    await rep.api.leads.capture.mutate({ email: 'olivia.hart@northwind.example', name: 'Olivia Hart', source: { kind: 'manual' } });
    const olivia = (await rep.api.queue.next.mutate({})).lead!;
    await rep.api.activities.add.mutate({ leadId: olivia.id, type: 'call', outcome: 'connected' });
  });

  afterAll(async () => {
    await ext?.close();
    await site?.close();
    await server?.close();
  });

  type Chrome = { scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]> } };
  const registered = () => worker.evaluate(async () => (globalThis as unknown as { chrome: Chrome }).chrome.scripting.getRegisteredContentScripts());

  /** The popup, opened in a tab beside the page; the page is then brought back to the front, as it is when a rep opens the real popup over it. */
  async function popupOver(page: Page): Promise<Page> {
    const popup = await ext.browser.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    await popup.waitForSelector('[data-testid="scan-page"]');
    await page.bringToFront();
    return popup;
  }
  const scanFrom = async (popup: Page) => {
    // A click dispatched in the popup's own document: puppeteer's mouse would bring its tab to
    // the front and make it the active tab, which a real popup (drawn over the page) never is.
    await popup.$eval('[data-testid="scan-page"]', (el) => (el as HTMLButtonElement).click());
    // Polled on a timer: the popup's tab is in the background, where animation frames never come.
    await popup.waitForFunction(
      () => !(document.querySelector('[data-testid="scan-page"]') as HTMLButtonElement).disabled && document.querySelector('[data-testid="scan-notice"]') !== null,
      { timeout: 15_000, polling: 50 },
    );
    return popup.$eval('[data-testid="scan-notice"]', (el) => el.textContent ?? '');
  };

  it('registers the scanner for the origins held at install only, and the options show automatic scanning off', async () => {
    expect(await registered()).toEqual([expect.objectContaining({ id: 'leadsync-scan', matches: ['http://127.0.0.1/*', 'http://localhost/*'] })]);
    const options = await ext.browser.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await options.waitForSelector('[data-testid="auto-scan"]:not([disabled])');
    expect(await options.$eval('[data-testid="auto-scan"]', (el) => (el as HTMLInputElement).checked)).toBe(false);
    await options.close();
  });

  it('leaves a page of another host alone, and the popup says how to scan it when Chrome gives no access', async () => {
    const page = await ext.browser.newPage();
    await page.goto(`http://team.acme.test:${port}/pages/company-team.html`, { waitUntil: 'load' });
    expect(await page.$eval('h1, h2', (el) => el.textContent)).toBeTruthy();
    // The scanner would run at document_idle: wait for the page to go idle, then look.
    await page.evaluate(() => new Promise((r) => requestIdleCallback(() => setTimeout(r, 200))));
    expect(await page.$$('leadsync-badge')).toHaveLength(0);

    const popup = await popupOver(page);
    expect(await scanFrom(popup)).toMatch(/Chrome did not let Leadsync read this page.*toolbar icon/);
    expect(await page.$$('leadsync-badge')).toHaveLength(0);
    await popup.close();
    await page.close();
  });

  it('scans the page the rep is on from the popup and reports what it found, once per contact', async () => {
    const page = await ext.browser.newPage();
    await page.goto(`${site.url}/pages/company-team.html`);
    await page.waitForFunction(() => document.querySelectorAll('leadsync-badge').length >= 10, { timeout: 15_000 });
    const popup = await popupOver(page);
    expect(await scanFrom(popup)).toBe('Found 10 contacts on this page, 1 already a lead. Click a badge to capture.');
    // The new run replaced the first one's badges rather than adding to them.
    expect(await page.$$eval('leadsync-badge', (els) => els.length)).toBe(10);
    const olivia = 'email:olivia.hart@northwind.example';
    await waitBadgeState(page, olivia, 'known');
    // Its hover says who has it and what happened last.
    const hover = await page.$eval(badgeSelector(olivia), (el) => el.getAttribute('title') ?? '');
    expect(hover.split('\n')[0]).toMatch(/^owned by Ana Ruiz · contacted (just now|\d+ minutes? ago)$/);
    await popup.close();
    await page.close();
  });

  it('keeps a site on the never-capture list out of scanning, set from the options, and an open page obeys at once', async () => {
    // A page already open, with a review card up, when the rep adds the address to the list.
    const open = await ext.browser.newPage();
    await open.goto(`${site.url}/pages/company-team.html`);
    await waitBadgeState(open, 'email:grace@northwind.example', 'unknown');
    await open.click(badgeSelector('email:grace@northwind.example'));
    await open.waitForSelector('leadsync-review >>> [data-testid="save-lead"]', { timeout: 15_000 });

    const options = await ext.browser.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await options.waitForSelector('textarea[name="neverCapture"]');
    await options.type('textarea[name="neverCapture"]', '127.0.0.1\ngrace@northwind.example');
    await options.click('[data-testid="save-never-capture"]');
    await options.waitForFunction(() => /Saved: 1 address and 1 domain/.test(document.querySelector('[data-testid="privacy-status"]')?.textContent ?? ''), { timeout: 15_000 });
    await options.close();

    await open.bringToFront();
    await open.click('leadsync-review >>> [data-testid="save-lead"]');
    // Polled on a timer: the error draws inside the card's shadow root, out of waitForSelector's sight.
    const refused = await open.waitForFunction(() => document.querySelector('leadsync-review')?.shadowRoot?.querySelector('.error')?.textContent ?? false, { timeout: 15_000, polling: 50 });
    expect(await refused.jsonValue()).toMatch(/never-capture list/);
    expect((await rep.api.leads.lookup.query({ emails: ['grace@northwind.example'] })).matches).toHaveLength(0);
    await open.close();

    const page = await ext.browser.newPage();
    await page.goto(`${site.url}/pages/company-team.html`, { waitUntil: 'load' });
    const popup = await popupOver(page);
    expect(await scanFrom(popup)).toMatch(/never-capture list/);
    expect(await page.$$('leadsync-badge')).toHaveLength(0);
    await popup.close();
    await page.close();
  });
});
