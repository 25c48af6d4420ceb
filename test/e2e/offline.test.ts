import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/server.ts';
import { clientFor, listAll, makeDataDir, randomToken, removeDir, serverOptions, type Api } from '../helpers/server.ts';
import { badgeSelector, connectThroughOptions, type ExtensionBrowser, launchWithExtension, openPopupAs, waitBadgeState } from './browser.ts';
import { serveFixtures } from './static-server.ts';

type Rep = { id: string; token: string; api: Api };

// A rep on a train: the server goes away, the rep keeps capturing and logging, the browser is
// restarted on the same profile, the server comes back, and everything lands exactly once.
describe('offline first, in Chromium', () => {
  const dataDir = makeDataDir();
  const adminToken = randomToken();
  const profileDir = mkdtempSync(join(tmpdir(), 'leadsync-offline-profile-'));
  let server: RunningServer | undefined;
  let port = 0;
  let site: Awaited<ReturnType<typeof serveFixtures>>;
  let ext: ExtensionBrowser;
  let ana: Rep;
  let lee: Rep;
  let carlaId = '';
  let devId = '';

  const up = async (onPort = port) => {
    server = await startServer(serverOptions(dataDir, adminToken, { port: onPort }));
    if (onPort === port) port = server.port;
    return server;
  };
  const down = async () => {
    await server?.close();
    server = undefined;
  };
  const url = () => `http://127.0.0.1:${port}`;
  /** Waits for a badge to show a state, and hands back the badge. */
  const badgeIn = async (page: Page, key: string, state: string) => {
    await waitBadgeState(page, key, state);
    return page.$(badgeSelector(key));
  };
  const person = async (name: string, role: 'rep' | 'lead'): Promise<Rep> => {
    const { user, token } = await clientFor(url(), adminToken).users.create.mutate({ name, email: `${name.split(' ')[0]!.toLowerCase()}@leadsync.example`, role });
    return { id: user.id, token, api: clientFor(url(), token) };
  };

  beforeAll(async () => {
    await up(0);
    ana = await person('Ana Ruiz', 'rep');
    lee = await person('Lee Lead', 'lead');
    await lee.api.leads.capture.mutate({ name: 'Carla Diaz', email: 'carla.diaz@acme.example', title: 'VP Sales', company: 'Acme', source: { kind: 'manual' } });
    await lee.api.leads.capture.mutate({ name: 'Dev Patel', email: 'dev.patel@globex.example', title: 'VP Sales', company: 'Globex', source: { kind: 'manual' } });
    carlaId = (await ana.api.queue.next.mutate({})).lead!.id;
    devId = (await ana.api.queue.next.mutate({})).lead!.id;
    site = await serveFixtures();
    ext = await launchWithExtension(profileDir);
  });

  afterAll(async () => {
    await ext?.close();
    await site?.close();
    await down();
    await removeDir(dataDir);
  });

  async function popup(): Promise<Page> {
    return openPopupAs(ext, 'Ana Ruiz');
  }
  const textOf = (page: Page, selector: string) => page.$eval(selector, (el) => el.textContent ?? '');
  /** Runs `fn` in an extension page (not the worker, which may be stopped and restarted under us). */
  async function inExtension<T>(fn: () => Promise<T>): Promise<T> {
    const page = await ext.browser.newPage();
    try {
      await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
      return (await page.evaluate(fn)) as T;
    } finally {
      await page.close();
    }
  }
  type Chrome = { storage: { local: { get(k: string): Promise<Record<string, unknown>> } }; action: { getBadgeText(d: object): Promise<string> } };
  /** What the extension keeps in chrome.storage.local. */
  async function stored<T>(key: string): Promise<T | undefined> {
    const all = await inExtension(() => (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.get(null as unknown as string));
    return all[key] as T | undefined;
  }
  const badgeText = () => inExtension(() => (globalThis as unknown as { chrome: Chrome }).chrome.action.getBadgeText({}));
  const workerRunning = () => ext.browser.targets().some((t) => t.type() === 'service_worker' && t.url().includes(ext.extensionId));

  it('keeps a copy of the rep’s own leads while online', async () => {
    await (await connectThroughOptions(ext, url(), ana.token)).close();

    const pop = await popup();
    // Opening the popup syncs; the copy then holds both of Ana's leads.
    for (let i = 0; i < 50; i++) {
      const cache = await stored<{ leads: Record<string, unknown> }>('syncCache');
      if (cache && Object.keys(cache.leads).length === 2) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(Object.keys((await stored<{ leads: Record<string, unknown> }>('syncCache'))?.leads ?? {}).sort()).toEqual([carlaId, devId].sort());
    await pop.click('[data-tab="leads"]');
    await pop.waitForSelector(`[data-testid="my-leads"] .row[data-lead-id="${carlaId}"]`, { timeout: 15_000 });
    await pop.click(`[data-testid="my-leads"] .row[data-lead-id="${carlaId}"]`);
    await pop.waitForSelector(`.lead-card[data-lead-id="${carlaId}"]`, { timeout: 15_000 });
    await pop.close();
  });

  it('with the server stopped: 5 captures, 2 activities and an edit wait in the outbox; popup and badges work from the copy', async () => {
    await down();
    const page = await ext.browser.newPage();
    await page.goto(`${site.url}/offline-team.html`);
    const keys = ['nora.quinn', 'omar.haddad', 'pia.larsen', 'raj.mehta', 'sofia.rossi'].map((n) => `email:${n}@northwind.example`);
    for (const key of keys) {
      const badge = await badgeIn(page, key, 'unknown');
      await badge?.click();
      const save = await page.waitForSelector('leadsync-review >>> [data-testid="save-lead"]:not([disabled])', { timeout: 15_000 });
      await save?.click();
      // The card says the lead is kept, not lost, for a moment before it goes (polled on a timer: a
      // background tab's animation frames are too rare to catch it).
      const note = await page.waitForFunction(
        () => document.querySelector('leadsync-review')?.shadowRoot?.querySelector('[data-testid="review-queued"]')?.textContent ?? false,
        { polling: 50, timeout: 15_000 },
      );
      expect(await note.jsonValue()).toMatch(/Saved offline: it syncs when the server answers \(\d waiting\)/);
      await badgeIn(page, key, 'queued');
    }
    // Ana's own lead on the page keeps its score badge offline, marked as from the copy.
    const carla = await badgeIn(page, 'email:carla.diaz@acme.example', 'known');
    expect(await carla?.evaluate((el) => [el.getAttribute('data-stale'), el.getAttribute('title')])).toEqual(['true', expect.stringContaining('Offline: as of')]);
    await page.close();

    const pop = await popup();
    await pop.waitForSelector('[data-testid="offline"]', { timeout: 15_000 });
    await pop.waitForFunction(() => /5 waiting to sync/.test(document.querySelector('[data-testid="waiting"]')?.textContent ?? ''), { timeout: 15_000 });
    // The current lead's card comes from the copy; two calls are logged in two clicks each.
    await pop.waitForSelector(`.lead-card[data-lead-id="${carlaId}"] [data-testid="outcomes"]`, { timeout: 15_000 });
    await pop.click('[data-outcome="no_answer"]');
    await (await pop.waitForSelector('[data-follow-up="In 2 hours"]', { timeout: 15_000 }))?.click();
    await pop.waitForFunction(() => /Saved offline: Call \(no answer\)/.test(document.querySelector('[data-testid="notice"]')?.textContent ?? ''), { timeout: 15_000 });
    await (await pop.waitForSelector('[data-outcome="connected"]', { timeout: 15_000 }))?.click();
    await (await pop.waitForSelector('[data-follow-up="No follow-up"]', { timeout: 15_000 }))?.click();
    await pop.waitForFunction(() => /Saved offline: Call \(connected\)/.test(document.querySelector('[data-testid="notice"]')?.textContent ?? ''), { timeout: 15_000 });
    await pop.waitForFunction(() => /7 waiting to sync/.test(document.querySelector('[data-testid="waiting"]')?.textContent ?? ''), { timeout: 15_000 });
    // The waiting calls show on the card's timeline already (it redraws once the outbox has them).
    await pop.waitForFunction(
      () => {
        const text = document.querySelector('[data-testid="activities"]')?.textContent ?? '';
        return text.includes('Call (no answer)') && text.includes('Call (connected)');
      },
      { timeout: 15_000, polling: 50 },
    );

    // My leads works offline too: open Dev and change the title.
    await pop.click('[data-tab="leads"]');
    await pop.waitForSelector(`[data-testid="my-leads"] .row[data-lead-id="${devId}"]`, { timeout: 15_000 });
    await pop.click(`[data-testid="my-leads"] .row[data-lead-id="${devId}"]`);
    await pop.waitForSelector(`.lead-card[data-lead-id="${devId}"] [data-testid="edit-lead"]`, { timeout: 15_000 });
    await pop.click('[data-testid="edit-lead"]');
    await pop.waitForSelector('[data-testid="lead-editor"] input[name="title"]');
    await pop.$eval('[data-testid="lead-editor"] input[name="title"]', (el) => ((el as HTMLInputElement).value = ''));
    await pop.type('[data-testid="lead-editor"] input[name="title"]', 'Head of Sales');
    await pop.click('[data-testid="save-lead"]');
    await pop.waitForFunction(() => /Saved offline/.test(document.querySelector('[data-testid="notice"]')?.textContent ?? ''), { timeout: 15_000 });
    await pop.waitForFunction(() => /Head of Sales/.test(document.querySelector('.lead-role')?.textContent ?? ''), { timeout: 15_000 });
    await pop.waitForFunction(() => /8 waiting to sync/.test(document.querySelector('[data-testid="waiting"]')?.textContent ?? ''), { timeout: 15_000 });
    await pop.close();

    expect(await stored<unknown[]>('outbox')).toHaveLength(8);
    expect(await badgeText()).toBe('↑8');
  });

  it('survives a browser restart on the same profile, then replays exactly once when the server is back', async () => {
    await ext.browser.close();
    ext = await launchWithExtension(profileDir);
    expect(await stored<unknown[]>('outbox')).toHaveLength(8);

    // While Ana's edit waited, her team lead changed the same title (on a server she cannot reach).
    const elsewhere = await up(0);
    const leeThere = clientFor(elsewhere.url, lee.token);
    const dev = (await leeThere.leads.get.query({ id: devId })).lead;
    await leeThere.leads.update.mutate({ id: devId, version: dev.version, patch: { title: 'Chief Revenue Officer' } });
    await down();

    await up();
    // Browsing a page reaches the server again, and what waits goes at once.
    const page = await ext.browser.newPage();
    await page.goto(`${site.url}/offline-team.html`);
    for (let i = 0; i < 150; i++) {
      if ((await stored<unknown[]>('outbox'))?.length === 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(await stored<unknown[]>('outbox')).toEqual([]);
    // The badges on the page now show the captured leads' scores (a page opened while the replay ran
    // may have looked them up just before: a reload looks again).
    let known = false;
    for (let attempt = 0; attempt < 5 && !known; attempt++) {
      await page.reload();
      known = await waitBadgeState(page, 'email:nora.quinn@northwind.example', 'known', 5_000).then(
          () => true,
          () => false,
        );
    }
    expect(known).toBe(true);
    await page.close();

    const all = await listAll(lee.api);
    expect(all.items).toHaveLength(7);
    expect(all.items.filter((l) => l.source.url === `${site.url}/offline-team.html`)).toHaveLength(5);
    expect(server!.deps.store.size('leads')).toBe(7);
    expect(server!.deps.store.size('activities')).toBe(2);
    const carla = await ana.api.leads.get.query({ id: carlaId });
    expect(carla.activities.map((a) => a.outcome).sort()).toEqual(['connected', 'no_answer']);
    // Nothing overwritten silently: the lead's title is still theirs until Ana chooses.
    expect((await ana.api.leads.get.query({ id: devId })).lead.title).toBe('Chief Revenue Officer');
  });

  it('shows both values of the conflicting edit and lets the rep choose', async () => {
    const pop = await popup();
    const card = await pop.waitForSelector(`[data-testid="sync-conflict"][data-lead-id="${devId}"]`, { timeout: 15_000 });
    expect(card).toBeTruthy();
    const text = await textOf(pop, '[data-testid="sync-conflict"]');
    expect(text).toContain('Yours: Head of Sales');
    expect(text).toContain('Theirs: Chief Revenue Officer');
    expect(await pop.$('[data-testid="waiting"]')).toBeNull();
    // No value is picked for the rep: the button waits for a choice.
    expect(await pop.$eval('[data-testid="apply-choice"]', (el) => (el as HTMLButtonElement).disabled)).toBe(true);
    await pop.click('[data-testid="sync-conflict"] [data-field="title"] input[data-choice="mine"]');
    await pop.click('[data-testid="apply-choice"]');
    await pop.waitForFunction(() => !document.querySelector('[data-testid="sync-conflict"]'), { timeout: 15_000 });
    // The choice goes out as a new edit through the outbox: the card closes first, the server follows.
    let title: string | undefined;
    for (let i = 0; i < 75 && title !== 'Head of Sales'; i++) {
      title = (await ana.api.leads.get.query({ id: devId })).lead.title;
      if (title !== 'Head of Sales') await new Promise((r) => setTimeout(r, 200));
    }
    expect(title).toBe('Head of Sales');
    expect(await stored<unknown[]>('syncConflicts')).toEqual([]);
    for (let i = 0; i < 50 && ((await stored<unknown[]>('outbox'))?.length ?? 0) > 0; i++) await new Promise((r) => setTimeout(r, 200));
    expect(await stored<unknown[]>('outbox')).toEqual([]);
    await pop.close();
  });
  it('a capture made offline syncs by itself after the service worker was stopped, with nobody touching the browser', async () => {
    await down();
    const page = await ext.browser.newPage();
    await page.goto(`${site.url}/team.html`);
    const maria = 'email:maria.lopez@acme-widgets.com';
    const badge = await badgeIn(page, maria, 'unknown');
    await badge?.click();
    await (await page.waitForSelector('leadsync-review >>> [data-testid="save-lead"]:not([disabled])', { timeout: 15_000 }))?.click();
    await badgeIn(page, maria, 'queued');
    await page.close();
    expect(await stored<unknown[]>('outbox')).toHaveLength(1);

    // Stop the worker, as Chrome does after 30 s idle. Its alarms (the outbox's retry, the deadline
    // check) may start it again at any moment after, so the proof of the stop is the worker going away.
    const stopped = new Promise<boolean>((resolve) => {
      const onGone = (t: { type(): string; url(): string }) => {
        if (t.type() !== 'service_worker' || !t.url().includes(ext.extensionId)) return;
        ext.browser.off('targetdestroyed', onGone);
        resolve(true);
      };
      ext.browser.on('targetdestroyed', onGone);
      setTimeout(() => resolve(false), 10_000);
    });
    // launchWithExtension attached to the worker to wait for the scanner's registration; an attached
    // debugger keeps a worker alive, so let go of it first.
    const swTarget = ext.browser.targets().find((t) => t.type() === 'service_worker' && t.url().includes(ext.extensionId));
    await (await swTarget?.worker())?.client.detach().catch(() => undefined);
    const extensionPage = await ext.browser.newPage();
    await extensionPage.goto(`chrome-extension://${ext.extensionId}/options.html`);
    const cdp = await extensionPage.createCDPSession();
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    expect(await stopped).toBe(true);
    await extensionPage.close();

    await up();
    let found = 0;
    for (let i = 0; i < 300 && found === 0; i++) {
      found = (await ana.api.leads.lookup.query({ emails: ['maria.lopez@acme-widgets.com'] })).matches.length;
      if (found === 0) await new Promise((r) => setTimeout(r, 200));
    }
    expect(found).toBe(1);
    for (let i = 0; i < 50 && ((await stored<unknown[]>('outbox'))?.length ?? 0) > 0; i++) await new Promise((r) => setTimeout(r, 200));
    expect(await stored<unknown[]>('outbox')).toEqual([]);
    expect(server!.deps.store.size('leads')).toBe(8);
  });
});
