import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer';

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

export async function launchWithExtension(profileDir = mkdtempSync(join(tmpdir(), 'leadsync-profile-'))): Promise<ExtensionBrowser> {
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
    ],
  });
  const worker = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), { timeout: 30_000 });
  const extensionId = new URL(worker.url()).host;
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
