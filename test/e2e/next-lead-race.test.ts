import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../helpers/server.ts';
import { connectThroughOptions, type ExtensionBrowser, launchWithExtension, openPopupAs } from './browser.ts';

// Two reps, each in their own browser profile with the extension, click Next lead at the same moment.
describe('two reps pull at once, in two Chromium profiles', () => {
  let server: TestServer;
  const reps: { user: TestUser; ext: ExtensionBrowser }[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    const capturer = await server.createUser('rep', { capacity: 0 });
    for (let i = 0; i < 3; i++) await capturer.api.leads.capture.mutate({ name: `Race Lead${i}`, email: `race${i}@race${i}.example`, source: { kind: 'manual' } });
    for (const name of ['Ana Ruiz', 'Bo Chen']) {
      const user = await server.createUser('rep', { name });
      reps.push({ user, ext: await launchWithExtension() });
    }
  });

  afterAll(async () => {
    for (const r of reps) await r.ext.close();
    await server?.close();
  });

  async function connect(ext: ExtensionBrowser, token: string): Promise<void> {
    await (await connectThroughOptions(ext, server.url, token)).close();
  }

  async function popupOf(ext: ExtensionBrowser, name: string): Promise<Page> {
    const page = await openPopupAs(ext, name);
    await page.waitForFunction(() => !(document.querySelector('[data-testid="next-lead"]') as HTMLButtonElement | null)?.disabled, { timeout: 15_000 });
    return page;
  }

  it('gives each rep a different lead, and the server agrees on the owners', async () => {
    await Promise.all(reps.map((r) => connect(r.ext, r.user.token)));
    const popups = await Promise.all(reps.map((r) => popupOf(r.ext, r.user.user.name)));
    await Promise.all(popups.map((p) => p.click('[data-testid="next-lead"]')));
    const ids = await Promise.all(
      popups.map(async (p) => (await p.waitForSelector('.lead-card', { timeout: 15_000 }))!.evaluate((el) => el.getAttribute('data-lead-id'))),
    );
    expect(ids[0]).toBeTruthy();
    expect(ids[1]).toBeTruthy();
    expect(ids[0]).not.toBe(ids[1]);
    for (const [i, r] of reps.entries()) {
      const { lead } = await r.user.api.leads.get.query({ id: ids[i]! });
      expect(lead).toMatchObject({ ownerId: r.user.user.id, status: 'assigned' });
    }
  });
});
