import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ElementHandle, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAll, startTestServer, type TestServer } from '../helpers/server.ts';
import { launchWithExtension, type ExtensionBrowser, connectThroughOptions } from './browser.ts';
import { serveFixtures } from './static-server.ts';

const hubspotCsv = fileURLToPath(new URL('../fixtures/csv/hubspot-contacts.csv', import.meta.url));

describe('team tools in the options page, in Chromium', () => {
  let server: TestServer;
  let ext: ExtensionBrowser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    ext = await launchWithExtension();
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('an admin connects and sees the forms, with a snippet that posts to the form', async () => {
    const form = await server.admin.forms.create.mutate({ name: 'Demo request' });
    page = await connectThroughOptions(ext, server.url, server.adminToken);

    const item = await page.waitForSelector(`[data-form-key="${form.key}"]`, { timeout: 15_000 });
    await item?.$eval('summary', (el) => (el as HTMLElement).click());
    const snippet = await item?.$eval('textarea', (el) => (el as HTMLTextAreaElement).value);
    expect(snippet).toContain(`action="${server.url}/forms/${form.key}"`);
  });

  it('uploads a CSV and shows the progress bar and the result counts', async () => {
    const input = (await page.waitForSelector('[data-testid="import-section"] input[type="file"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(hubspotCsv);
    await page.waitForFunction(() => /HubSpot export/.test(document.querySelector('[data-testid="import-format"]')?.textContent ?? ''), { timeout: 15_000 });
    // The recognised columns are shown, each with its target.
    const mapped = await page.$$eval('.mapping tbody tr', (rows) => rows.map((r) => [r.querySelector('td')?.textContent, (r.querySelector('select') as HTMLSelectElement).value]));
    expect(mapped).toEqual(expect.arrayContaining([['Phone Number', 'phone'], ['Company Name', 'company'], ['Record ID', 'ignore']]));

    await page.click('[data-testid="start-import"]');
    await page.waitForSelector('[data-testid="import-progress"]', { timeout: 15_000 });
    await page.waitForFunction(() => document.querySelector('[data-testid="import-report"]')?.getAttribute('data-done') === 'true', { timeout: 30_000 });
    const counts = await page.$$eval('[data-testid="import-report"] [data-count]', (els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-count'), Number(e.textContent)])));
    expect(counts).toEqual({ rows: 7, created: 4, merged: 1, rejected: 2 });
    expect(await page.$eval('[data-testid="import-progress"]', (el) => (el as HTMLProgressElement).value)).toBe(1);

    const link = await page.$eval('[data-testid="rejected-download"]', (el) => ({ href: (el as HTMLAnchorElement).href, name: (el as HTMLAnchorElement).download }));
    expect(link.name).toBe('hubspot-contacts.rejected.csv');
    const rejectedCsv = await page.evaluate((href) => fetch(href).then((r) => r.text()), link.href);
    expect(rejectedCsv).toContain('not-an-email');
    expect(rejectedCsv).toContain('email: is not a valid email address');

    const { items } = await listAll(server.admin);
    expect(items.map((l) => l.email).sort()).toEqual(['jl.obrien@initech.example', 'maria.lopez@globex.example', 'priya@umbrella.example', 'sam.lee@hooli.example']);
  });

  it('exports the leads as a CSV file to save', async () => {
    await page.click('[data-testid="start-export"]');
    const link = await page.waitForSelector('[data-testid="export-download"]', { timeout: 15_000 });
    const href = await link!.evaluate((el) => (el as HTMLAnchorElement).href);
    const csv = await page.evaluate((h) => fetch(h).then((r) => r.text()), href);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(5);
    expect(await page.$eval('[data-testid="export-notice"]', (el) => el.textContent)).toBe('4 leads exported.');
  });

  it('offers the pulled lead as a vCard from the lead card', async () => {
    const popup = await ext.browser.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    await popup.waitForSelector('[data-testid="next-lead"]:not([disabled])', { timeout: 15_000 });
    await popup.click('[data-testid="next-lead"]');
    const card = await popup.waitForSelector('.lead-card', { timeout: 15_000 });
    const leadId = await card!.evaluate((el) => el.getAttribute('data-lead-id'));
    const { lead } = await server.admin.leads.get.query({ id: leadId! });
    const link = await popup.$eval('.lead-vcard', (el) => ({ name: (el as HTMLAnchorElement).download, href: (el as HTMLAnchorElement).href }));
    expect(link.name).toMatch(/\.vcf$/);
    const vcard = decodeURIComponent(link.href.replace(/^data:text\/vcard;charset=utf-8,/, ''));
    expect(vcard).toContain('BEGIN:VCARD');
    expect(vcard).toContain(`EMAIL;TYPE=INTERNET,PREF:${lead.email}`);
    expect(vcard).toContain(`UID:urn:leadsync:${lead.id}`);
    await popup.close();
  });

  it('the snippet copied from the options page, pasted into a company page, turns a visitor\'s post into a lead with its campaign', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadsync-site-'));
    const site = await serveFixtures(dir);
    try {
      const form = await server.admin.forms.create.mutate({ name: 'Spring webinar', redirectUrl: `${site.url}/thanks.html` });
      await page.reload();
      const item = await page.waitForSelector(`[data-form-key="${form.key}"]`, { timeout: 15_000 });
      await item?.$eval('summary', (el) => (el as HTMLElement).click());
      const snippet = (await item?.$eval('textarea', (el) => (el as HTMLTextAreaElement).value)) ?? '';
      writeFileSync(join(dir, 'webinar.html'), `<!doctype html><html><body><h1>Spring webinar</h1>\n${snippet}\n</body></html>`);
      writeFileSync(join(dir, 'thanks.html'), '<!doctype html><html><body><h1>Thank you</h1></body></html>');

      const visitor = await ext.browser.newPage();
      await visitor.goto(`${site.url}/webinar.html?utm_source=newsletter&utm_medium=email&utm_campaign=spring`);
      await visitor.type('input[name="first_name"]', 'Olu');
      await visitor.type('input[name="last_name"]', 'Adeyemi');
      await visitor.type('input[name="email"]', 'olu@kestrel.example');
      await visitor.type('input[name="company"]', 'Kestrel');
      const navigated = visitor.waitForNavigation({ timeout: 15_000 });
      await visitor.click('button[type="submit"]');
      await navigated;
      expect(visitor.url()).toBe(`${site.url}/thanks.html`);
      await visitor.close();
      const { items } = await listAll(server.admin);
      expect(items.find((l) => l.email === 'olu@kestrel.example')).toMatchObject({
        name: 'Olu Adeyemi',
        company: 'Kestrel',
        status: 'new',
        source: { kind: 'form', name: 'Spring webinar', url: `${site.url}/webinar.html`, utm: { source: 'newsletter', medium: 'email', campaign: 'spring' } },
      });
    } finally {
      await site.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('moves the progress bar with the server\'s answers on a file of a few thousand rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadsync-bulk-'));
    const file = join(dir, 'bulk.csv');
    const ROWS = 2000;
    writeFileSync(file, ['Email,First Name,Last Name,Company', ...Array.from({ length: ROWS }, (_, i) => `person${i}@bulk${i}.example,Person,Number${i},Bulk ${i}`)].join('\n'));
    try {
      const input = (await page.waitForSelector('[data-testid="import-section"] input[type="file"]')) as ElementHandle<HTMLInputElement>;
      await input.uploadFile(file);
      await page.waitForFunction(() => document.querySelector('[data-testid="import-report"]') === null, { timeout: 15_000 });
      // Every percentage the report line shows, as it renders.
      await page.evaluate(() => {
        const seen: number[] = [];
        (window as unknown as { seen: number[] }).seen = seen;
        new MutationObserver(() => {
          const m = /^(\d+)% · /.exec(document.querySelector('[data-testid="import-report"]')?.textContent ?? '');
          if (m && Number(m[1]) !== seen.at(-1)) seen.push(Number(m[1]));
        }).observe(document.querySelector('[data-testid="import-section"]')!, { subtree: true, childList: true, characterData: true });
      });
      await page.click('[data-testid="start-import"]');
      await page.waitForFunction(() => document.querySelector('[data-testid="import-report"]')?.getAttribute('data-done') === 'true', { timeout: 60_000 });
      const counts = await page.$$eval('[data-testid="import-report"] [data-count]', (els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-count'), Number(e.textContent)])));
      expect(counts).toEqual({ rows: ROWS, created: ROWS, merged: 0, rejected: 0 });
      const seen = await page.evaluate(() => (window as unknown as { seen: number[] }).seen);
      // 500 rows a batch: the bar stops on the way (25%, 50% …), never jumping to the end while rows are still travelling.
      expect(seen[0]).toBe(0);
      expect(seen.filter((p) => p > 0 && p < 100).length).toBeGreaterThan(0);
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
      expect(seen.filter((p) => p > 0 && p < 100).every((p) => p % 25 === 0)).toBe(true);
      expect(await page.$eval('[data-testid="import-progress"]', (el) => (el as HTMLProgressElement).value)).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a team lead edits the reasons for losing a lead, and an empty list is refused with the field named', async () => {
    const box = await page.waitForSelector('[data-testid="lost-reasons-section"] textarea[name="lostReasons"]', { timeout: 15_000 });
    expect((await box!.evaluate((el) => (el as HTMLTextAreaElement).value)).split('\n')).toEqual(await server.admin.team.lostReasons.query());
    await box!.evaluate((el) => ((el as HTMLTextAreaElement).value = ''));
    await box!.type('No budget\n  Went with a competitor \n\nNever answered');
    await page.click('[data-testid="save-lost-reasons"]');
    await page.waitForFunction(() => /Saved 3 reasons/.test(document.querySelector('[data-testid="lost-reasons-notice"]')?.textContent ?? ''), { timeout: 15_000 });
    expect(await server.admin.team.lostReasons.query()).toEqual(['No budget', 'Went with a competitor', 'Never answered']);

    await box!.evaluate((el) => ((el as HTMLTextAreaElement).value = ''));
    await box!.type(' ');
    await page.click('[data-testid="save-lost-reasons"]');
    await page.waitForFunction(() => /reasons/.test(document.querySelector('[data-testid="lost-reasons-notice"][role="alert"]')?.textContent ?? ''), { timeout: 15_000 });
    expect(await server.admin.team.lostReasons.query()).toEqual(['No budget', 'Went with a competitor', 'Never answered']);
  });
});
