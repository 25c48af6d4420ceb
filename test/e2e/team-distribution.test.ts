import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../helpers/server.ts';
import { connectThroughOptions, type ExtensionBrowser, launchWithExtension, openPopupAs } from './browser.ts';

// A team lead manages distribution from the popup's Team tab: a rep's availability, cap and
// territories, auto-assignment, and the latest moves with their reasons.
describe('distribution in the Team tab, in Chromium', () => {
  let server: TestServer;
  let ext: ExtensionBrowser;
  let ana: TestUser;
  let lee: TestUser;

  beforeAll(async () => {
    server = await startTestServer();
    ana = await server.createUser('rep', { name: 'Ana Ruiz' });
    lee = await server.createUser('lead', { name: 'Lee Lead' });
    ext = await launchWithExtension();
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('a team lead sets a rep away until a day, with a new cap and territories, and the routing rules then skip her', async () => {
    await (await connectThroughOptions(ext, server.url, lee.token, 'Lee Lead')).close();

    const page = await openPopupAs(ext, 'Lee Lead');
    await page.click('[data-tab="team"]');
    const name = await page.waitForSelector('[data-rep="Ana Ruiz"] button.rep-name', { timeout: 15_000 });
    await name?.click();
    await page.waitForSelector('[data-testid="rep-settings"]');
    expect(await page.$eval('[data-testid="rep-settings"] input[name="capacity"]', (el) => (el as HTMLInputElement).value)).toBe('25');

    await page.click('[data-testid="rep-settings"] input[value="away"]');
    const until = await page.waitForSelector('[data-testid="rep-settings"] input[name="until"]');
    await until?.evaluate((el) => {
      (el as HTMLInputElement).value = '2099-07-01';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    for (const [field, value] of [['capacity', '5'], ['territories', 'emea, us-ca']] as const) {
      await page.click(`[data-testid="rep-settings"] input[name="${field}"]`, { count: 3 });
      await page.keyboard.press('Backspace');
      await page.type(`[data-testid="rep-settings"] input[name="${field}"]`, value);
    }
    await page.click('[data-testid="rep-settings"] button[type="submit"]');
    await page.waitForSelector('[data-testid="rep-settings-saved"]', { timeout: 15_000 });
    expect(await page.$eval('[data-testid="rep-settings-saved"]', (el) => el.textContent)).toMatch(/^Ana Ruiz: away until .*, cap 5$/);
    await page.waitForFunction(() => (document.querySelector('[data-rep="Ana Ruiz"]')?.textContent ?? '').includes('away'), { timeout: 15_000 });
    expect(await page.$('[data-testid="rep-settings"]')).toBeNull();

    const me = await ana.api.me.query();
    expect(me).toMatchObject({ away: true, capacity: 5, territories: ['EMEA', 'US-CA'] });
    expect(new Date(me.awayUntil!).getFullYear()).toBe(2099);

    // With auto-assignment on, a new lead goes past her to the queue (she is the only rep).
    await lee.api.routing.setRules.mutate({ autoAssign: true, rules: [{ id: 'all', name: 'Everyone', strategy: 'round-robin' }] });
    const { lead } = await lee.api.leads.capture.mutate({ name: 'Maria Lopez', email: 'maria@globex.example', source: { kind: 'manual' } });
    expect(lead.ownerId).toBeNull();

    // Back: the same form, one click.
    await (await page.$('[data-rep="Ana Ruiz"] button.rep-name'))?.click();
    await page.click('[data-testid="rep-settings"] input[value="available"]');
    await page.click('[data-testid="rep-settings"] button[type="submit"]');
    await page.waitForFunction(() => /Ana Ruiz: available, cap 5/.test(document.querySelector('[data-testid="rep-settings-saved"]')?.textContent ?? ''), { timeout: 15_000 });
    expect(await ana.api.me.query()).toMatchObject({ away: false, awayUntil: null });
    await page.close();
  });

  it('shows the routing rules and the latest moves with their reasons, and turns auto-assignment off', async () => {
    const { lead } = await lee.api.leads.capture.mutate({ name: 'Carla Diaz', email: 'carla@initech.example', source: { kind: 'manual' } });
    expect(lead.ownerId).toBe(ana.user.id);

    const page = await openPopupAs(ext, 'Lee Lead');
    await page.click('[data-tab="team"]');
    await page.waitForSelector('[data-testid="routing-rules"]', { timeout: 15_000 });
    expect(await page.$eval('[data-testid="routing-rules"]', (el) => el.textContent)).toBe('Everyone: every lead → every rep, round-robin');
    await page.waitForSelector('[data-testid="routing-log"] li');
    expect(await page.$eval('[data-testid="routing-log"] li', (el) => el.textContent)).toMatch(/^routed to Ana Ruiz .*rule all: round-robin/);

    const toggle = await page.$('[data-testid="routing"] input[name="autoAssign"]');
    expect(await toggle?.evaluate((el) => (el as HTMLInputElement).checked)).toBe(true);
    await toggle?.click();
    await page.waitForFunction(() => !(document.querySelector('[data-testid="routing"] input[name="autoAssign"]') as HTMLInputElement | null)?.checked, { timeout: 15_000 });
    expect(await lee.api.routing.getRules.query()).toMatchObject({ autoAssign: false, rules: [{ id: 'all' }] });

    // The move opens the lead it is about.
    await page.click('[data-testid="routing-log"] li button');
    await page.waitForSelector(`.lead-card[data-lead-id="${lead.id}"]`, { timeout: 15_000 });
    await page.close();
  });
});
