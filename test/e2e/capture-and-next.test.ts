import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../helpers/server.ts';
import { connectThroughOptions, type ExtensionBrowser, launchWithExtension, openPopupAs, waitBadgeState } from './browser.ts';
import { serveFixtures } from './static-server.ts';

describe('the extension against a real server, in Chromium', () => {
  let server: TestServer;
  let site: Awaited<ReturnType<typeof serveFixtures>>;
  let ext: ExtensionBrowser;
  let rep: TestUser & { id: string };

  beforeAll(async () => {
    server = await startTestServer();
    const created = await server.createUser('rep', { name: 'Ana Ruiz', email: 'ana.ruiz@leadsync.example' });
    rep = { ...created, id: created.user.id };
    site = await serveFixtures();
    ext = await launchWithExtension();
  });

  afterAll(async () => {
    await ext?.close();
    await site?.close();
    await server?.close();
  });

  // Polled on a timer: the badge draws inside its shadow root, which waitForSelector's mutation observer does not see.
  const badge = async (page: Page, key: string) => {
    await page.waitForFunction((k) => document.querySelector(`leadsync-badge[leadsync-key="${k}"]`)?.shadowRoot?.querySelector('.badge') != null, { timeout: 15_000, polling: 50 }, key);
    return page.$(`leadsync-badge[leadsync-key="${key}"] >>> .badge`);
  };
  const stateOf = (page: Page, key: string) =>
    page.$eval(`leadsync-badge[leadsync-key="${key}"] >>> .badge`, (el) => ({ state: el.getAttribute('data-state'), text: el.textContent }));

  it('connects through the options page, as a user would', async () => {
    const page = await connectThroughOptions(ext, server.url, rep.token);
    expect(await page.$eval('[data-testid="status"]', (el) => el.textContent)).toContain('Ana Ruiz');
    await page.close();
  });

  it('shows a badge beside each contact on a page, and "+" captures one', async () => {
    const page = await ext.browser.newPage();
    await page.goto(`${site.url}/team.html`);
    const keys = ['email:maria.lopez@acme-widgets.com', 'phone:+14155550143', 'email:priya.patel@acme-widgets.com', 'email:info@acme-widgets.com'];
    for (const key of keys) await badge(page, key);
    expect(await page.$$eval('leadsync-badge', (els) => els.length)).toBe(keys.length);
    // Nothing on the page is a lead yet: every badge offers to capture.
    await page.waitForFunction(() => [...document.querySelectorAll('leadsync-badge')].every((b) => b.shadowRoot?.querySelector('.badge')?.getAttribute('data-state') === 'unknown'));

    const maria = 'email:maria.lopez@acme-widgets.com';
    await (await badge(page, maria))?.click();
    // "+" opens the review card, prefilled with what the page shows; saving captures.
    const save = await page.waitForSelector('leadsync-review >>> [data-testid="save-lead"]', { timeout: 15_000 });
    expect(await page.$eval('leadsync-review >>> input[name="title"]', (el) => (el as HTMLInputElement).value)).toBe('VP Sales');

    // Before saving, the card shows a provisional score for the fields as they stand, computed by
    // the background with the default rules (a rep cannot read the team's), and it follows edits.
    const provisional = () =>
      page.$eval('leadsync-review >>> [data-testid="provisional-score"]', (el) => ({ total: Number(el.getAttribute('data-total')), rules: el.getAttribute('data-rules'), text: el.textContent ?? '' }));
    await page.waitForFunction(() => document.querySelector('leadsync-review')?.shadowRoot?.querySelector('[data-testid="provisional-score"]'), { timeout: 15_000 });
    const asFound = await provisional();
    expect(asFound.rules).toBe('default');
    expect(asFound.text).toContain('Provisional score');
    expect(asFound.text).toContain('Vice president title');
    // Nothing the rep might be about to click moves as the score follows the edits.
    const saveBox = async () => (await page.$('leadsync-review >>> [data-testid="save-lead"]'))?.boundingBox();
    const before = await saveBox();
    const title = await page.$('leadsync-review >>> input[name="title"]');
    await title?.click({ count: 3 });
    await page.keyboard.press('Backspace');
    await page.waitForFunction(
      (before) => Number(document.querySelector('leadsync-review')?.shadowRoot?.querySelector('[data-testid="provisional-score"]')?.getAttribute('data-total')) < before,
      { timeout: 15_000 },
      asFound.total,
    );
    expect((await provisional()).text).not.toContain('Vice president title');
    await page.type('leadsync-review >>> input[name="title"]', 'VP Sales');
    await page.waitForFunction(
      (before) => Number(document.querySelector('leadsync-review')?.shadowRoot?.querySelector('[data-testid="provisional-score"]')?.getAttribute('data-total')) === before,
      { timeout: 15_000 },
      asFound.total,
    );
    // A throwaway address is flagged under its field and costs points; nothing the rep might be
    // about to click moves meanwhile.
    const email = await page.$('leadsync-review >>> input[name="email"]');
    await email?.click({ count: 3 });
    await page.keyboard.type('maria@mailinator.com');
    // Polled: a change inside the card's shadow root is invisible to waitForSelector's mutation watch.
    await page.waitForFunction(() => document.querySelector('leadsync-review')?.shadowRoot?.querySelector('.check[data-field="email"][data-status="invalid"]'), { timeout: 15_000 });
    await page.waitForFunction(() => /Disposable email domain/.test(document.querySelector('leadsync-review')?.shadowRoot?.querySelector('[data-testid="provisional-score"]')?.textContent ?? ''), { timeout: 15_000 });
    expect(await saveBox()).toEqual(before);
    await email?.click({ count: 3 });
    await page.keyboard.type('maria.lopez@acme-widgets.com');
    await page.waitForFunction(
      (total) => Number(document.querySelector('leadsync-review')?.shadowRoot?.querySelector('[data-testid="provisional-score"]')?.getAttribute('data-total')) === total,
      { timeout: 15_000 },
      asFound.total,
    );
    expect(await page.$('leadsync-review >>> .check[data-field="email"]')).toBeNull();
    await save?.click();
    await waitBadgeState(page, maria, 'known');

    const { matches } = await rep.api.leads.lookup.query({ emails: ['maria.lopez@acme-widgets.com'] });
    expect(matches).toHaveLength(1);
    const { lead } = await rep.api.leads.get.query({ id: matches[0]!.leadId });
    expect(lead).toMatchObject({ name: 'Maria Lopez', title: 'VP Sales', email: 'maria.lopez@acme-widgets.com', source: { kind: 'page', url: `${site.url}/team.html` } });
    const shown = await stateOf(page, maria);
    expect(shown.text).toBe(`${lead.score.grade}${lead.score.total}`);
    // With no team rules, model or company data yet, the estimate was the server's score exactly.
    expect(lead.score.total).toBe(asFound.total);

    // A reload finds the lead on the server and shows its score straight away.
    await page.reload();
    await badge(page, maria);
    await waitBadgeState(page, maria, 'known');
    expect((await stateOf(page, 'email:priya.patel@acme-widgets.com')).state).toBe('unknown');
    await page.close();
  });

  it('pulls the next lead from the popup, and the server records the rep as its owner', async () => {
    const page = await openPopupAs(ext, 'Ana Ruiz');
    await page.click('[data-testid="next-lead"]');
    const card = await page.waitForSelector('.lead-card', { timeout: 15_000 });
    const leadId = await card?.evaluate((el) => el.getAttribute('data-lead-id'));
    expect(leadId).toBeTruthy();
    expect(await page.$eval('.lead-email', (el) => el.getAttribute('href'))).toBe('mailto:maria.lopez@acme-widgets.com');

    const { lead, history } = await rep.api.leads.get.query({ id: leadId! });
    expect(lead.ownerId).toBe(rep.id);
    expect(lead.status).toBe('assigned');
    expect(lead.contactBy).not.toBeNull();
    expect(history.map((h) => h.action)).toContain('claimed');

    // The only lead is taken: the next click says the queue is empty instead of showing nothing.
    await page.click('[data-testid="next-lead"]');
    await page.waitForFunction(() => /queue is empty/i.test(document.querySelector('[data-testid="notice"]')?.textContent ?? ''), { timeout: 15_000 });
    await page.close();
  });

  it('says clearly when the server cannot be reached', async () => {
    const page = await ext.browser.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await page.waitForSelector('input[name="serverUrl"]');
    await page.$eval('input[name="serverUrl"]', (el) => ((el as HTMLInputElement).value = ''));
    await page.type('input[name="serverUrl"]', 'http://127.0.0.1:9');
    await page.click('[data-testid="test-connection"]');
    await page.waitForFunction(() => /Cannot reach/.test(document.querySelector('[data-testid="status"]')?.textContent ?? ''), { timeout: 15_000 });

    const popup = await ext.browser.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    await popup.waitForFunction(() => /Cannot reach/.test(document.querySelector('[data-testid="notice"]')?.textContent ?? ''), { timeout: 15_000 });
    expect(await popup.$eval('[data-testid="next-lead"]', (el) => (el as HTMLButtonElement).disabled)).toBe(true);
    await popup.close();
    await page.close();
  });
});
