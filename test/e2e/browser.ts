import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');

/** The browser to drive: PUPPETEER_EXECUTABLE_PATH, then puppeteer's own download, then a system Chromium. */
export function findBrowser(): string {
  const fromEnv = process.env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  try {
    const own = puppeteer.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // No download in puppeteer's cache.
  }
  for (const path of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']) {
    if (existsSync(path)) return path;
  }
  throw new Error('no Chromium found: install it (apt-get install -y chromium) or set PUPPETEER_EXECUTABLE_PATH');
}

export interface ExtensionBrowser {
  browser: Browser;
  extensionId: string;
  profileDir: string;
  close(): Promise<void>;
}

/** `args`: more Chromium switches, such as `--host-resolver-rules` to serve a page from a host the extension holds no access to. */
export async function launchWithExtension(profileDir = mkdtempSync(join(tmpdir(), 'leadsync-profile-')), args: string[] = []): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`no built extension in ${EXTENSION_DIR}: run wxt build first`);
  const browser = await puppeteer.launch({
    executablePath: findBrowser(),
    headless: true,
    pipe: true,
    enableExtensions: [EXTENSION_DIR],
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profileDir}`,
      ...args,
    ],
  });
  const worker = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), { timeout: 30_000 });
  const extensionId = new URL(worker.url()).host;
  // The page scanner is registered by the background as it starts: pages opened before that would get no badges.
  const sw = await worker.worker();
  type Scripting = { scripting: { getRegisteredContentScripts(): Promise<unknown[]> } };
  for (let i = 0; i < 100; i++) {
    // Just started, the worker may not have its extension APIs yet: that is a "not yet" too.
    const registered = await sw
      ?.evaluate(async () => (await (globalThis as unknown as { chrome: Scripting }).chrome.scripting.getRegisteredContentScripts()).length)
      .catch(() => 0);
    if (registered) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    browser,
    extensionId,
    profileDir,
    async close() {
      await browser.close();
      // Chromium may still be writing the profile as it exits.
      for (let i = 0; i < 10; i++) {
        try {
          rmSync(profileDir, { recursive: true, force: true });
          return;
        } catch {
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    },
  };
}

/**
 * Connects the extension as a user does: the options page, the server URL and token typed in,
 * "Test connection", then the status saying who is connected (`as`, when given). Returns the
 * options page, still open, for tests that go on using it.
 */
export async function connectThroughOptions(ext: ExtensionBrowser, serverUrl: string, token: string, as?: string): Promise<Page> {
  const page = await ext.browser.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  for (const [name, value] of [['serverUrl', serverUrl], ['token', token]] as const) {
    const field = await page.waitForSelector(`input[name="${name}"]`);
    await field?.click({ count: 3 });
    await page.keyboard.press('Backspace');
    await page.type(`input[name="${name}"]`, value);
  }
  await page.click('[data-testid="test-connection"]');
  await page.waitForFunction(
    (who) => {
      const status = document.querySelector('[data-testid="status"]')?.textContent ?? '';
      return /Connected as/.test(status) && (!who || status.includes(who));
    },
    { timeout: 15_000 },
    as ?? '',
  );
  return page;
}

/** The selector of a contact's badge, inside its shadow root. */
export const badgeSelector = (key: string): string => `leadsync-badge[leadsync-key="${key}"] >>> .badge`;

/**
 * Waits for a contact's badge to show a state ("unknown", "known", "queued" …), polled on a timer:
 * the state changes inside the badge's shadow root, where waitForSelector's mutation observer never
 * looks, and a tab in the background gets no animation frames. A timeout names every badge's state,
 * to tell a slow page from a wrong one.
 */
export async function waitBadgeState(page: Page, key: string, state: string, timeout = 15_000): Promise<void> {
  try {
    await page.waitForFunction(
      (k, s) => document.querySelector(`leadsync-badge[leadsync-key="${k}"]`)?.shadowRoot?.querySelector('.badge')?.getAttribute('data-state') === s,
      { timeout, polling: 50 },
      key,
      state,
    );
  } catch (err) {
    const seen = await page.$$eval('leadsync-badge', (els) => els.map((e) => `${e.getAttribute('leadsync-key')}=${e.shadowRoot?.querySelector('.badge')?.getAttribute('data-state')}`));
    throw new Error(`${key} never became ${state}; badges: ${seen.join(', ') || 'none'}`, { cause: err });
  }
}

/** Opens the popup in a tab of its own and waits until it says who is signed in. */
export async function openPopupAs(ext: ExtensionBrowser, name: string): Promise<Page> {
  const page = await ext.browser.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  await page.waitForFunction((n) => (document.querySelector('[data-testid="who"]')?.textContent ?? '').includes(n), { timeout: 15_000 }, name);
  return page;
}
