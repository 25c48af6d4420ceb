import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followUpChoices } from '../../extension/state/follow-up-choices.ts';
import { errorOf, startTestServer, type TestServer, type TestUser } from '../helpers/server.ts';
import { connectThroughOptions, type ExtensionBrowser, launchWithExtension, openPopupAs } from './browser.ts';

// A rep works a lead from the popup, and a team lead sees the team, in Chromium with the built extension.
describe('tracking and the team view, in Chromium', () => {
  let server: TestServer;
  let ext: ExtensionBrowser;
  let ana: TestUser;
  let bo: TestUser;
  let lee: TestUser;
  let cy: TestUser;
  let pulledId = '';

  beforeAll(async () => {
    server = await startTestServer();
    ana = await server.createUser('rep', { name: 'Ana Ruiz' });
    bo = await server.createUser('rep', { name: 'Bo Chen' });
    lee = await server.createUser('lead', { name: 'Lee Lead' });
    cy = await server.createUser('rep', { name: 'Cy Park', capacity: 0 });
    await ana.api.leads.capture.mutate({ name: 'Carla Diaz', email: 'carla.diaz@acme.example', phone: '+1 415 555 0100', title: 'VP Sales', company: 'Acme', source: { kind: 'page' } });
    await ana.api.leads.capture.mutate({ name: 'Dev Patel', email: 'dev@globex.example', company: 'Globex', source: { kind: 'email' } });
    await ana.api.leads.capture.mutate({ name: 'Eve Stone', email: 'eve@initech.example', company: 'Initech', source: { kind: 'form' } });
    ext = await launchWithExtension();
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  /** Saves the server URL and a token through the options page, as a user does. */
  async function connectAs(user: TestUser) {
    await (await connectThroughOptions(ext, server.url, user.token, user.user.name)).close();
  }

  async function popup(name: string): Promise<Page> {
    return openPopupAs(ext, name);
  }

  const textOf = (page: Page, selector: string) => page.$eval(selector, (el) => el.textContent ?? '');

  it('a rep pulls the next lead, then logs "no answer" with a follow-up tomorrow in two clicks', async () => {
    await connectAs(ana);
    const page = await popup('Ana Ruiz');
    await page.click('[data-testid="next-lead"]');
    const card = await page.waitForSelector('.lead-card [data-testid="outcomes"]', { timeout: 15_000 });
    expect(card).toBeTruthy();
    pulledId = (await page.$eval('.lead-card', (el) => el.getAttribute('data-lead-id'))) ?? '';
    const expectedAt = followUpChoices(new Date()).find((c) => c.label === 'Tomorrow 9:00')?.at;

    await page.click('[data-outcome="no_answer"]'); // click 1
    await page.click('[data-follow-up="Tomorrow 9:00"]'); // click 2
    await page.waitForFunction(() => /Logged: Call \(no answer\)/.test(document.querySelector('[data-testid="notice"]')?.textContent ?? ''), { timeout: 15_000 });

    const activities = await ana.api.activities.list.query({ id: pulledId });
    expect(activities).toEqual([expect.objectContaining({ type: 'call', outcome: 'no_answer', followUpAt: expectedAt, userId: ana.user.id })]);
    const { lead } = await ana.api.leads.get.query({ id: pulledId });
    expect(lead.status).toBe('contacted');
    await page.waitForFunction(() => /Call \(no answer\)/.test(document.querySelector('[data-testid="activities"]')?.textContent ?? ''), { timeout: 15_000 });
    expect(await textOf(page, '[data-testid="lead-status"]')).toContain('contacted');

    // The background sets a reminder for it.
    const worker = await (await ext.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().includes(ext.extensionId))).worker();
    const alarmAt = await worker?.evaluate(
      (id) =>
        new Promise<number | null>((resolve) => {
          const { alarms } = (globalThis as unknown as { chrome: { alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> } } }).chrome;
          const poll = (left: number) =>
            alarms.get(`followup:${id}`).then((a) => (a ? resolve(a.scheduledTime) : left > 0 ? setTimeout(() => poll(left - 1), 200) : resolve(null)));
          poll(50);
        }),
      pulledId,
    );
    expect(alarmAt).toBe(Date.parse(expectedAt ?? ''));
    await page.close();
  });

  it('a rep finds the lead in My leads by status and by search, and not among those due today', async () => {
    const page = await popup('Ana Ruiz');
    await page.click('[data-tab="leads"]');
    const rows = () => page.$$eval('[data-testid="my-leads"] .row', (els) => els.map((el) => el.getAttribute('data-lead-id')));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="my-leads"] .row').length === 1, { timeout: 15_000 });
    expect(await rows()).toEqual([pulledId]);

    await page.select('[data-testid="my-leads"] select[name="status"]', 'qualified');
    await page.waitForFunction(() => /No leads match/.test(document.querySelector('[data-testid="my-leads"]')?.textContent ?? ''), { timeout: 15_000 });
    await page.select('[data-testid="my-leads"] select[name="status"]', 'contacted');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="my-leads"] .row').length === 1, { timeout: 15_000 });

    await page.type('[data-testid="my-leads"] input[name="q"]', 'nobody-by-that-name');
    await page.waitForFunction(() => /No leads match/.test(document.querySelector('[data-testid="my-leads"]')?.textContent ?? ''), { timeout: 15_000 });
    await page.$eval('[data-testid="my-leads"] input[name="q"]', (el) => ((el as HTMLInputElement).value = ''));
    await page.type('[data-testid="my-leads"] input[name="q"]', 'acme');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="my-leads"] .row').length === 1, { timeout: 15_000 });

    // The follow-up is tomorrow: nothing is due today.
    await page.click('[data-testid="my-leads"] input[name="dueToday"]');
    await page.waitForFunction(() => /No follow-ups due today/.test(document.querySelector('[data-testid="my-leads"]')?.textContent ?? ''), { timeout: 15_000 });
    await page.click('[data-testid="my-leads"] input[name="dueToday"]');
    await page.waitForSelector(`[data-testid="my-leads"] .row[data-lead-id="${pulledId}"]`, { timeout: 15_000 });
    await page.click(`[data-testid="my-leads"] .row[data-lead-id="${pulledId}"]`);
    await page.waitForSelector(`.lead-card[data-lead-id="${pulledId}"]`, { timeout: 15_000 });
    await page.close();
  });

  it('when a follow-up is due, the background raises a reminder and the toolbar badge counts it; clicking the reminder opens the lead card', async () => {
    const page = await popup('Ana Ruiz');
    const followUpAt = new Date(Date.now() + 3_000).toISOString();
    // The popup's own message path: the background logs it, then sets the reminders again.
    const reply = await page.evaluate(
      (leadId, at) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } } }).chrome.runtime.sendMessage({ type: 'add-activity', activity: { leadId, type: 'note', note: 'call back after lunch', followUpAt: at } }),
      pulledId,
      followUpAt,
    );
    expect(reply.ok).toBe(true);
    const worker = await (await ext.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().includes(ext.extensionId))).worker();
    const seen = await worker?.evaluate(
      (id) =>
        new Promise<{ notifications: string[]; badge: string }>((resolve) => {
          type Chrome = { notifications: { getAll(): Promise<Record<string, boolean>> }; action: { getBadgeText(d: object): Promise<string> } };
          const c = (globalThis as unknown as { chrome: Chrome }).chrome;
          const poll = async (left: number) => {
            const notifications = Object.keys(await c.notifications.getAll());
            const badge = await c.action.getBadgeText({});
            if ((notifications.includes(`lead:${id}`) && badge === '1') || left === 0) resolve({ notifications, badge });
            else setTimeout(() => void poll(left - 1), 250);
          };
          void poll(80);
        }),
      pulledId,
    );
    expect(seen).toEqual({ notifications: [`lead:${pulledId}`], badge: '1' });

    // No lead on the card any more: the click alone must bring the reminder's lead back.
    await page.close();
    await worker?.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { remove(k: string): Promise<void> } } } }).chrome.storage.local.remove('currentLead'));

    // Chromium hands a click on the notification to the worker's onClicked listeners; dispatch does the same.
    const before = new Set(ext.browser.targets());
    const opened = ext.browser.waitForTarget((t) => t.url().endsWith('/popup.html') && !before.has(t), { timeout: 15_000 });
    await worker?.evaluate((id) => {
      type Clicked = { notifications: { onClicked: { dispatch(id: string): void } } };
      (globalThis as unknown as { chrome: Clicked }).chrome.notifications.onClicked.dispatch(`lead:${id}`);
    }, pulledId);
    const target = await opened;
    // The toolbar popup where the browser can open it, else a tab: either is a page to read.
    const shown = await target.asPage();
    await shown!.waitForSelector(`.lead-card[data-lead-id="${pulledId}"]`, { timeout: 15_000 });
    expect(await textOf(shown!, '.lead-name')).toBe('Carla Diaz');
    const left = await worker?.evaluate(() => (globalThis as unknown as { chrome: { notifications: { getAll(): Promise<Record<string, boolean>> } } }).chrome.notifications.getAll());
    expect(Object.keys(left ?? {})).toEqual([]);
    await shown!.close();
  });

  it('a rep edits the lead, is told clearly when a team lead changed it meanwhile, and saves after reloading', async () => {
    const page = await popup('Ana Ruiz');
    await page.waitForSelector(`.lead-card[data-lead-id="${pulledId}"]`, { timeout: 15_000 });
    await page.click('[data-testid="edit-lead"]');
    await page.waitForSelector('[data-testid="lead-editor"] input[name="title"]');
    await page.$eval('[data-testid="lead-editor"] input[name="title"]', (el) => ((el as HTMLInputElement).value = ''));
    await page.type('[data-testid="lead-editor"] input[name="title"]', 'Head of Sales');

    const { lead } = await lee.api.leads.get.query({ id: pulledId });
    await lee.api.leads.update.mutate({ id: pulledId, version: lead.version, patch: { company: 'Acme Corp' } });

    await page.click('[data-testid="save-lead"]');
    await page.waitForSelector('[data-testid="conflict"]', { timeout: 15_000 });
    expect(await textOf(page, '[data-testid="conflict"]')).toContain('Someone changed this lead while you were editing it');
    expect((await ana.api.leads.get.query({ id: pulledId })).lead.title).toBe('VP Sales');

    await page.click('[data-testid="conflict"] button');
    await page.waitForFunction(() => /Acme Corp/.test(document.querySelector('.lead-role')?.textContent ?? ''), { timeout: 15_000 });
    await page.click('[data-testid="edit-lead"]');
    await page.waitForSelector('[data-testid="lead-editor"] input[name="title"]');
    await page.$eval('[data-testid="lead-editor"] input[name="title"]', (el) => ((el as HTMLInputElement).value = ''));
    await page.type('[data-testid="lead-editor"] input[name="title"]', 'Head of Sales');
    await page.click('[data-testid="save-lead"]');
    await page.waitForFunction(() => /Head of Sales/.test(document.querySelector('.lead-role')?.textContent ?? ''), { timeout: 15_000 });
    expect((await ana.api.leads.get.query({ id: pulledId })).lead).toMatchObject({ title: 'Head of Sales', company: 'Acme Corp' });
    // The change is in the history shown on the card.
    expect(await textOf(page, '[data-testid="history"]')).toContain('title: VP Sales → Head of Sales');
    await page.close();
  });

  it('clicking the phone number or the email on the lead card logs a call or an email', async () => {
    const page = await popup('Ana Ruiz');
    await page.waitForSelector(`.lead-card[data-lead-id="${pulledId}"]`, { timeout: 15_000 });
    expect(await page.$eval('.lead-phone', (el) => el.getAttribute('href'))).toBe('tel:+14155550100');
    expect(await page.$eval('.lead-email', (el) => el.getAttribute('href'))).toBe('mailto:carla.diaz@acme.example');
    // Dial, then open an email at once: both are logged, the second after the first.
    await page.evaluate(() => {
      (document.querySelector('.lead-phone') as HTMLElement).click();
      (document.querySelector('.lead-email') as HTMLElement).click();
    });
    await page.waitForFunction(
      () => ['Dialed from the lead card', 'Email opened from the lead card'].every((n) => (document.querySelector('[data-testid="activities"]')?.textContent ?? '').includes(n)),
      { timeout: 15_000 },
    );
    expect(await textOf(page, '[data-testid="notice"]')).toMatch(/^Logged: Email/);

    const activities = await ana.api.activities.list.query({ id: pulledId });
    expect(activities).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'call', note: 'Dialed from the lead card', userId: ana.user.id }),
        expect.objectContaining({ type: 'email', note: 'Email opened from the lead card', userId: ana.user.id }),
      ]),
    );
    expect(activities).toHaveLength(4);
    await page.waitForFunction(() => /Email/.test(document.querySelector('[data-testid="activities"]')?.textContent ?? ''), { timeout: 15_000 });
    await page.close();
  });

  it('a rep sees no Team tab, and the server refuses them the summary', async () => {
    const page = await popup('Ana Ruiz');
    await page.waitForSelector('[data-tab="leads"]');
    expect(await page.$('[data-tab="team"]')).toBeNull();
    expect(await errorOf(ana.api.team.summary.query())).toMatchObject({ code: 'FORBIDDEN' });
    await page.close();
  });

  it('a team lead sees the Team tab with the right counts, and pushes a lead from the queue to a rep', async () => {
    await connectAs(lee);
    const page = await popup('Lee Lead');
    await page.click('[data-tab="team"]');
    await page.waitForSelector('[data-testid="queue-depth"]', { timeout: 15_000 });
    expect(await textOf(page, '[data-testid="queue-depth"] strong')).toBe('2');
    expect(await textOf(page, '[data-testid="new-today"] strong')).toBe('3');
    expect(await textOf(page, '[data-testid="sla-now"] strong')).toBe('0');
    // A lead arriving while the tab is open shows after Refresh.
    const late = (await lee.api.leads.capture.mutate({ name: 'Gus Late', email: 'gus@late.example', source: { kind: 'page' } })).lead;
    await page.click('[data-testid="refresh-team"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="queue-depth"] strong')?.textContent === '3', { timeout: 15_000 });
    expect(await textOf(page, '[data-testid="new-today"] strong')).toBe('4');
    await lee.api.leads.update.mutate({ id: late.id, version: late.version, patch: { status: 'lost', lostReason: 'No budget' } });
    await page.click('[data-testid="refresh-team"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="queue-depth"] strong')?.textContent === '2', { timeout: 15_000 });
    const anaRow = await page.$$eval('[data-rep="Ana Ruiz"] td', (tds) => tds.map((td) => td.textContent?.trim()));
    expect(anaRow.slice(1)).toEqual(['1/25', '1', '0', '0 min']);
    expect(await page.$eval('svg[aria-label^="Leads that reached each stage"]', (el) => el.getAttribute('aria-label'))).toBe(
      'Leads that reached each stage: new 4, assigned 1, contacted 1, qualified 0, converted 0',
    );

    // Away as routing sees it, with the day the rep is back.
    expect(await page.$('[data-rep="Ana Ruiz"] [data-testid="away"]')).toBeNull();
    expect(await page.$('[data-rep="Cy Park"] [data-testid="away"]')).toBeNull();
    // The team lead marks Ana away from her row, then back.
    expect(await textOf(page, '[data-rep="Ana Ruiz"] [data-testid="toggle-away"]')).toBe('Away');
    await page.click('[data-rep="Ana Ruiz"] [data-testid="toggle-away"]');
    await page.waitForSelector('[data-rep="Ana Ruiz"] [data-testid="away"]', { timeout: 15_000 });
    expect(await textOf(page, '[data-rep="Ana Ruiz"] [data-testid="away"]')).toBe(' away');
    expect((await lee.api.users.list.query()).find((u) => u.id === ana.user.id)).toMatchObject({ away: true, awayUntil: null });
    await page.click('[data-rep="Ana Ruiz"] [data-testid="toggle-away"]');
    await page.waitForFunction(() => !document.querySelector('[data-rep="Ana Ruiz"] [data-testid="away"]'), { timeout: 15_000 });
    expect((await lee.api.users.list.query()).find((u) => u.id === ana.user.id)).toMatchObject({ away: false });

    await lee.api.users.update.mutate({ id: cy.user.id, away: true, awayUntil: '2099-03-16T12:00:00.000Z' });
    await page.click('[data-tab="leads"]');
    await page.click('[data-tab="team"]');
    await page.waitForSelector('[data-rep="Cy Park"] [data-testid="away"]', { timeout: 15_000 });
    const backOn = new Date('2099-03-16T12:00:00.000Z').toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short' });
    expect(await textOf(page, '[data-rep="Cy Park"] [data-testid="away"]')).toBe(` away until ${backOn}`);

    // The rep picker says who is away or full; a full rep cannot be picked.
    const reps = await page.$$eval('select[name="userId"] option', (opts) => opts.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent, disabled: (o as HTMLOptionElement).disabled })));
    expect(reps.slice(1)).toEqual(
      expect.arrayContaining([
        { value: ana.user.id, text: 'Ana Ruiz (1/25)', disabled: false },
        { value: bo.user.id, text: 'Bo Chen (0/25)', disabled: false },
        { value: cy.user.id, text: `Cy Park (0/0) · away until ${backOn}, full`, disabled: true },
      ]),
    );

    const queued = await page.$$eval('select[name="leadId"] option', (opts) => opts.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(queued).toHaveLength(2);
    // Best first, as Next lead would hand them out.
    expect(queued).toEqual((await lee.api.queue.peek.query({})).leads.map((l) => l.id));
    await page.select('select[name="leadId"]', queued[0]!);
    await page.select('select[name="userId"]', bo.user.id);
    await page.click('[data-testid="assign"] button[type="submit"]');
    await page.waitForFunction(() => (document.querySelector('[data-testid="queue-depth"] strong')?.textContent ?? '') === '1', { timeout: 15_000 });
    expect((await lee.api.leads.get.query({ id: queued[0]! })).lead).toMatchObject({ ownerId: bo.user.id, status: 'assigned', contactBy: expect.any(String) });
    expect(await textOf(page, '[data-rep="Bo Chen"]')).toContain('1/25');
    expect(await textOf(page, '[role="status"]')).toContain("is now Bo Chen's");
    // The push goes through routing: the routing log says who moved the lead and why.
    const log = await lee.api.routing.log.query({ leadId: queued[0]! });
    expect(log.items).toEqual([expect.objectContaining({ kind: 'assigned', from: null, to: bo.user.id, by: lee.user.id, reason: 'Lee Lead assigned it to Bo Chen' })]);
    await page.close();
  });
});
