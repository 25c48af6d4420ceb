import { signal } from '@preact/signals';
import type { Send } from '../content/scanner.ts';
import type { Settings } from '../storage/items.ts';

export type Status = { tone: 'info' | 'ok' | 'error'; text: string } | null;

/** The server URL as an origin, or an error message a user can act on. */
export function parseServerUrl(value: string): { ok: true; url: string; origin: string } | { ok: false; message: string } {
  try {
    const url = new URL(value.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, message: 'The server URL must start with http:// or https://' };
    return { ok: true, url: `${url.origin}${url.pathname.replace(/\/+$/, '')}`, origin: url.origin };
  } catch {
    return { ok: false, message: 'The server URL is not a valid URL, for example http://127.0.0.1:4400' };
  }
}

export function createOptionsModel(deps: {
  send: Send;
  load(): Promise<Settings>;
  save(settings: Settings): Promise<void>;
  requestOrigin(origin: string): Promise<boolean>;
}) {
  const serverUrl = signal('');
  const token = signal('');
  const status = signal<Status>(null);
  const busy = signal(false);

  async function load(): Promise<void> {
    const s = await deps.load();
    serverUrl.value = s.serverUrl;
    token.value = s.token;
  }

  /** Saves the settings, asking for access to the server's origin first (a click is a user gesture). */
  async function save(): Promise<boolean> {
    const parsed = parseServerUrl(serverUrl.value);
    if (!parsed.ok) {
      status.value = { tone: 'error', text: parsed.message };
      return false;
    }
    let granted = false;
    try {
      granted = await deps.requestOrigin(parsed.origin);
    } catch (err) {
      status.value = { tone: 'error', text: `Could not ask for access to ${parsed.origin}: ${err instanceof Error ? err.message : String(err)}` };
      return false;
    }
    if (!granted) {
      status.value = { tone: 'error', text: `Leadsync needs access to ${parsed.origin} to talk to your server.` };
      return false;
    }
    await deps.save({ serverUrl: parsed.url, token: token.value.trim() });
    serverUrl.value = parsed.url;
    status.value = { tone: 'ok', text: 'Saved.' };
    return true;
  }

  /** Calls `me` with the values in the form and says who they sign in as. */
  async function testConnection(): Promise<void> {
    if (busy.value) return;
    busy.value = true;
    status.value = { tone: 'info', text: 'Testing…' };
    try {
      if (!(await save())) return;
      const reply = await deps.send({ type: 'test-connection', serverUrl: serverUrl.value, token: token.value.trim() });
      status.value = reply.ok
        ? { tone: 'ok', text: `Connected as ${reply.data.name} (${reply.data.role}, ${reply.data.email}).` }
        : { tone: 'error', text: reply.code === 'UNAUTHORIZED' ? 'The server does not accept this token.' : reply.message };
    } finally {
      busy.value = false;
    }
  }

  return { serverUrl, token, status, busy, load, save, testConnection };
}
export type OptionsModel = ReturnType<typeof createOptionsModel>;
