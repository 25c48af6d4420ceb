import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reasonLines } from '../../shared/scoring/explain.ts';
import { startTestServer, type TestServer, type TestUser } from '../helpers/server.ts';
import { badgeSelector, connectThroughOptions, type ExtensionBrowser, launchWithExtension, openPopupAs, waitBadgeState } from './browser.ts';
import { serveFixtures } from './static-server.ts';

describe('score reasons in the extension, in Chromium', () => {
  let server: TestServer;
  let site: Awaited<ReturnType<typeof serveFixtures>>;
  let ext: ExtensionBrowser;
  let rep: TestUser;

  beforeAll(async () => {
    server = await startTestServer();
    rep = await server.createUser('rep', { name: 'Sam Scorer', email: 'sam.scorer@leadsync.example' });
    site = await serveFixtures();
    ext = await launchWithExtension();
  });

  afterAll(async () => {
    await ext?.close();
    await site?.close();
    await server?.close();
  });

  const titleOf = (page: Page, key: string) => page.$eval(badgeSelector(key), (el) => el.getAttribute('title') ?? '');

  it('connects through the options page', async () => {
    const page = await connectThroughOptions(ext, server.url, rep.token);
    await page.close();
  });

  it('shows the top reasons up and down in the badge’s tooltip, for a known lead and one just captured', async () => {
    // A role address already on the server: its badge comes from the lookup, with a reason that lowers the score.
    const { lead: info } = await rep.api.leads.capture.mutate({ email: 'info@acme-widgets.com', company: 'Acme Widgets', source: { kind: 'manual' } });
    const page = await ext.browser.newPage();
    await page.goto(`${site.url}/team.html`);
    const infoKey = 'email:info@acme-widgets.com';
    await page.waitForSelector(badgeSelector(infoKey), { timeout: 15_000 });
    await waitBadgeState(page, infoKey, 'known');
    const infoDetail = await rep.api.leads.get.query({ id: info.id });
    const infoTitle = await titleOf(page, infoKey);
    const [infoWho, ...infoRest] = infoTitle.split('\n');
    // Who has it and since when first: a new lead waits in the queue, captured a moment ago.
    expect(infoWho).toMatch(/^in the queue · captured (just now|\d+ minutes? ago)$/);
    expect(infoRest).toEqual([`Leadsync score ${info.score.total} (grade ${info.score.grade})`, ...reasonLines([...infoDetail.explanation.up, ...infoDetail.explanation.down])]);
    expect(infoTitle).toContain('−6 Role address (info@), not a person');

    // Capturing with "+" (then Save on the review card) shows the new lead's reasons straight away.
    const maria = 'email:maria.lopez@acme-widgets.com';
    await (await page.waitForSelector(badgeSelector(maria), { timeout: 15_000 }))?.click();
    await (await page.waitForSelector('leadsync-review >>> [data-testid="save-lead"]', { timeout: 15_000 }))?.click();
    await waitBadgeState(page, maria, 'known');
    const { matches } = await rep.api.leads.lookup.query({ emails: ['maria.lopez@acme-widgets.com'] });
    const { lead, explanation } = await rep.api.leads.get.query({ id: matches[0]!.leadId });
    const title = await titleOf(page, maria);
    expect(title.split('\n')).toEqual(['in the queue · captured just now', `Leadsync score ${lead.score.total} (grade ${lead.score.grade})`, ...reasonLines([...explanation.up, ...explanation.down])]);
    expect(title).toContain('+18 Vice president title');
    await page.close();
  });

  it('lists the reasons and the field checks on the popup’s lead card', async () => {
    const page = await openPopupAs(ext, 'Sam Scorer');
    await page.click('[data-testid="next-lead"]');
    const card = await page.waitForSelector('.lead-card', { timeout: 15_000 });
    const leadId = (await card?.evaluate((el) => el.getAttribute('data-lead-id'))) ?? '';
    const { lead, explanation } = await rep.api.leads.get.query({ id: leadId });
    expect(lead.email).toBe('maria.lopez@acme-widgets.com');
    const shown = await page.$$eval('.reasons li', (els) => els.map((el) => `${el.querySelector('.pts')?.textContent} ${el.querySelector('.label')?.textContent}`));
    expect(shown.slice(0, 3)).toEqual(reasonLines(explanation.up));
    const checks = await page.$$eval('.checks li', (els) => Object.fromEntries(els.map((el) => [el.getAttribute('data-field'), el.querySelector('b')?.textContent])));
    expect(checks).toEqual({ email: lead.score.checks?.email?.status, phone: 'unknown', name: 'valid', title: 'valid', address: 'unknown' });
    expect(await page.$eval('.prediction', (el) => el.textContent)).toMatch(/once the team has 50 converted or lost leads/);
    await page.close();
  });
});
