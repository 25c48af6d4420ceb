import { resolve } from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../helpers/server.ts';
import { badgeSelector, connectThroughOptions, launchWithExtension, waitBadgeState, type ExtensionBrowser } from './browser.ts';
import { serveFixtures } from './static-server.ts';

// The capture engine on real pages in Chromium: a team page of mixed markup, a webmail reading
// pane, a selection, a hostile page and a single-page app. Each saves through the review card.
describe('capturing leads in Chromium', () => {
  let server: TestServer;
  let site: Awaited<ReturnType<typeof serveFixtures>>;
  let ext: ExtensionBrowser;
  let rep: TestUser;

  beforeAll(async () => {
    server = await startTestServer();
    rep = await server.createUser('rep', { name: 'Ana Ruiz', email: 'ana.ruiz@leadsync.example' });
    site = await serveFixtures(resolve('test/fixtures'));
    ext = await launchWithExtension();
    await (await connectThroughOptions(ext, server.url, rep.token)).close();
  });

  afterAll(async () => {
    await ext?.close();
    await site?.close();
    await server?.close();
  });

  const badgeKeys = (page: Page) => page.$$eval('leadsync-badge', (els) => els.map((e) => e.getAttribute('leadsync-key')));
  const stateOf = (page: Page, key: string) => page.$eval(badgeSelector(key), (el) => el.getAttribute('data-state'));
  const field = (page: Page, name: string) => page.$eval(`leadsync-review >>> input[name="${name}"]`, (el) => (el as HTMLInputElement).value);
  const saveCard = async (page: Page) => {
    await (await page.waitForSelector('leadsync-review >>> [data-testid="save-lead"]', { timeout: 15_000 }))?.click();
    await page.waitForFunction(() => !document.querySelector('leadsync-review'), { timeout: 15_000 });
  };
  const leadOf = async (email: string) => {
    const { matches } = await rep.api.leads.lookup.query({ emails: [email] });
    expect(matches, email).toHaveLength(1);
    return (await rep.api.leads.get.query({ id: matches[0]!.leadId })).lead;
  };

  it('shows one badge per person on a team page of JSON-LD, h-card and text, and saves three through the review card', async () => {
    const page = await ext.browser.newPage();
    await page.goto(`${site.url}/pages/company-team.html`);
    await page.waitForFunction(() => document.querySelectorAll('leadsync-badge').length >= 10, { timeout: 15_000 });
    const keys = await badgeKeys(page);
    expect(keys).toHaveLength(10);
    expect(keys).toContain('email:olivia.hart@northwind.example');
    expect(keys).toContain('email:grace@northwind.example');
    expect(keys).toContain('phone:+14155550133');

    // An h-card person: the rep corrects the title before saving.
    const lucas = 'email:lucas.moreau@northwind.example';
    await waitBadgeState(page, lucas, 'unknown');
    await page.click(badgeSelector(lucas));
    await page.waitForSelector('leadsync-review >>> input[name="title"]');
    expect(await field(page, 'name')).toBe('Lucas Moreau');
    expect(await field(page, 'phone')).toBe('+14155550121');
    expect(await page.$eval('leadsync-review >>> .from[data-field="title"]', (el) => el.textContent)).toBe('from contact card (h-card)');
    await page.click('leadsync-review >>> input[name="title"]', { count: 3 });
    await page.keyboard.type('Senior Account Executive');
    await saveCard(page);
    await waitBadgeState(page, lucas, 'known');

    // A person written as one line of text: email and phone folded into one contact.
    const noah = 'email:noah.fischer@northwind.example';
    await page.click(badgeSelector(noah));
    await page.waitForSelector('leadsync-review >>> input[name="phone"]');
    expect(await field(page, 'phone')).toBe('+14155550131');
    await saveCard(page);
    await waitBadgeState(page, noah, 'known');

    // A person who lists two numbers: the rep takes the second one with one click.
    const omar = 'phone:+14155550133';
    await page.click(badgeSelector(omar));
    const choice = await page.waitForSelector('leadsync-review >>> [data-testid="phone-choices"] button', { timeout: 15_000 });
    expect(await choice?.evaluate((el) => el.textContent)).toBe('+14155550134');
    await choice?.click();
    expect(await field(page, 'phone')).toBe('+14155550134');
    expect(await page.$eval('leadsync-review >>> .from[data-field="phone"]', (el) => el.textContent)).toBe('from page text');
    // The number it replaced is offered back, in case the rep changes their mind.
    expect(await page.$$eval('leadsync-review >>> [data-testid="phone-choices"] button', (els) => els.map((e) => e.textContent))).toEqual(['+14155550133']);
    await saveCard(page);
    const { matches: omars } = await rep.api.leads.lookup.query({ phones: ['+14155550134'] });
    expect(omars).toHaveLength(1);
    const omarLead = (await rep.api.leads.get.query({ id: omars[0]!.leadId })).lead;
    expect(omarLead).toMatchObject({ name: 'Omar Haddad', phone: '+14155550134', otherPhones: ['+14155550133'], title: 'Onboarding Specialist' });
    expect(omarLead.provenance.phone).toMatchObject({ extractor: 'text' });

    const saved = await leadOf('lucas.moreau@northwind.example');
    expect(saved).toMatchObject({ name: 'Lucas Moreau', title: 'Senior Account Executive', phone: '+14155550121', source: { kind: 'page' } });
    expect(saved.provenance.title).toMatchObject({ extractor: 'manual', confidence: 1 });
    expect(saved.provenance.name).toMatchObject({ extractor: 'h-card' });
    expect(await leadOf('noah.fischer@northwind.example')).toMatchObject({ name: 'Noah Fischer', phone: '+14155550131', title: 'Support Lead' });
    // Nothing else was saved by opening the page.
    expect((await rep.api.leads.list.query({ limit: 100 })).items).toHaveLength(3);
    // Back on the page later, each saved contact is known, Omar by the number the rep chose.
    await page.reload();
    for (const key of [lucas, noah, omar]) await waitBadgeState(page, key, 'known');
    await page.close();
  });

  it('captures the sender of a Gmail-like reading pane with the fields of the signature', async () => {
    const page = await ext.browser.newPage();
    await page.goto(`${site.url}/webmail/gmail.html`);
    const tom = 'email:tom.baker@globex.example';
    await page.waitForSelector(badgeSelector(tom), { timeout: 15_000 });
    await waitBadgeState(page, tom, 'unknown');
    await page.click(badgeSelector(tom));
    await page.waitForSelector('leadsync-review >>> input[name="company"]');
    expect(await field(page, 'company')).toBe('Globex Corporation');
    expect(await page.$eval('leadsync-review >>> .from[data-field="phone"]', (el) => el.textContent)).toBe('from Gmail message');
    await saveCard(page);
    await waitBadgeState(page, tom, 'known');
    expect(await leadOf('tom.baker@globex.example')).toMatchObject({
      name: 'Tom Baker',
      title: 'Director of Purchasing',
      company: 'Globex Corporation',
      phone: '+13125550187',
      website: 'https://globex.example',
      source: { kind: 'email' },
    });
    await page.close();
  });

  it('captures a selection through "Capture selection as lead"', async () => {
    const page = await ext.browser.newPage();
    await page.goto(`${site.url}/pages/company-team.html`);
    await page.waitForSelector('leadsync-badge', { timeout: 15_000 });
    await page.bringToFront();
    await page.evaluate(() => {
      const li = [...document.querySelectorAll('li')].find((el) => el.textContent?.includes('Omar Haddad'));
      const range = document.createRange();
      range.selectNodeContents(li!);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    });
    // Puppeteer cannot click the browser's own context menu: the item is checked to exist, and
    // its click handler's message is sent to the tab the way the background sends it.
    const worker = await (await ext.browser.waitForTarget((t) => t.type() === 'service_worker'))?.worker();
    // The service worker's global `chrome`, typed here only as much as this test uses it.
    type Chrome = {
      runtime: { lastError?: { message?: string } };
      contextMenus: { update(id: string, props: object, done: () => void): void };
      tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(id: number, msg: object): Promise<unknown> };
    };
    const result = await worker?.evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
      const exists = await new Promise<string>((r) => chrome.contextMenus.update('capture-selection', {}, () => r(chrome.runtime.lastError?.message ?? 'ok')));
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      await chrome.tabs.sendMessage(tab!.id!, { type: 'capture-selection' });
      return exists;
    });
    expect(result).toBe('ok');
    await page.waitForSelector('leadsync-review >>> input[name="name"]', { timeout: 15_000 });
    expect(await field(page, 'name')).toBe('Omar Haddad');
    expect(await field(page, 'title')).toBe('Onboarding Specialist');
    expect(await field(page, 'phone')).toBe('+14155550133');
    await page.type('leadsync-review >>> input[name="email"]', 'omar.haddad@northwind.example');
    await saveCard(page);
    // The rep saved Omar from his badge in the first test, by his second number: the selection is
    // the same person, so it completes that lead rather than making another.
    const merged = await leadOf('omar.haddad@northwind.example');
    expect(merged).toMatchObject({ name: 'Omar Haddad', email: 'omar.haddad@northwind.example' });
    expect([merged.phone, ...merged.otherPhones].sort()).toEqual(['+14155550133', '+14155550134']);
    const { matches } = await rep.api.leads.lookup.query({ phones: ['+14155550134'] });
    expect(matches.map((m) => m.leadId)).toEqual([merged.id]);
    const { history } = await rep.api.leads.get.query({ id: merged.id });
    expect(history.map((h) => h.note)).toContain('captured from selection');
    await page.close();
  });

  it('on a hostile page, runs no script from scraped text and keeps its badges visible', async () => {
    const page = await ext.browser.newPage();
    await page.goto(`${site.url}/pages/hostile.html`);
    const mallory = 'email:mallory@evil.example';
    await page.waitForSelector(badgeSelector(mallory), { timeout: 15_000 });
    await page.waitForFunction(() => document.querySelectorAll('leadsync-badge').length >= 3, { timeout: 15_000 });
    for (const key of await badgeKeys(page)) {
      const box = await (await page.$(badgeSelector(key!)))?.boundingBox();
      expect(box?.width, key!).toBeGreaterThan(10);
      // Sized in px: the page's 400px root font does not blow the badge up.
      expect(box?.height, key!).toBeLessThan(30);
    }
    await page.click(badgeSelector('email:trent@evil.example'));
    await page.waitForSelector('leadsync-review >>> input[name="name"]');
    expect(await field(page, 'name')).toContain('<img');
    expect(await page.$eval('leadsync-review', (el) => el.shadowRoot?.querySelector('img'))).toBeNull();
    await new Promise((r) => setTimeout(r, 300));
    expect(await page.evaluate(() => (window as unknown as { __pwned: boolean }).__pwned)).toBe(false);
    await page.close();
  });

  it('follows a single-page-app navigation: the new view gets badges, the old ones go', async () => {
    const page = await ext.browser.newPage();
    await page.goto(`${site.url}/pages/spa.html`);
    await page.waitForSelector(badgeSelector('email:ava.stone@directory.example'), { timeout: 15_000 });
    await page.click('#next');
    await page.waitForSelector(badgeSelector('email:ben.carter@directory.example'), { timeout: 15_000 });
    await page.waitForSelector(badgeSelector('email:chloe.diaz@directory.example'), { timeout: 15_000 });
    expect(page.url()).toMatch(/\/spa\/page-2$/);
    await page.waitForFunction(() => !document.querySelector('leadsync-badge[leadsync-key="email:ava.stone@directory.example"]'), { timeout: 15_000 });
    expect(await stateOf(page, 'email:ben.carter@directory.example')).toBe('unknown');
    await page.close();
  });
});
