import type { Lead } from '../../shared/schemas/lead.ts';
import type { LookupMatch } from '../../shared/schemas/api.ts';
import type { ParsedMessage, Reply } from '../../shared/schemas/messages.ts';
import type { User } from '../../shared/schemas/user.ts';
import type { Settings } from '../storage/items.ts';
import { createApi, toFailure } from '../sync/api.ts';

export type Me = User & { openLeads: number };

/** What each message answers with. */
export interface Replies {
  lookup: { matches: LookupMatch[] };
  capture: { lead: Lead; created: boolean };
  'next-lead': { lead: Lead | null };
  whoami: Me;
  'test-connection': Me;
}

export interface HandlerDeps {
  settings(): Promise<Settings>;
  saveCurrentLead(lead: Lead | null): Promise<void>;
  fetch: typeof fetch;
}

// Each case's data has the type its message promises; the switch cannot tell the compiler so.
const ok = (data: unknown): Reply<never> => ({ ok: true, data }) as Reply<never>;

const notConfigured: Reply<never> = {
  ok: false,
  code: 'NOT_CONFIGURED',
  message: 'Leadsync is not connected yet: open the options and enter your server URL and token.',
};

/** The background's answer to one message. Every failure becomes a reply; none is swallowed. */
export async function handleMessage<M extends ParsedMessage>(msg: M, deps: HandlerDeps): Promise<Reply<Replies[M['type']]>> {
  const settings = msg.type === 'test-connection' ? { serverUrl: msg.serverUrl, token: msg.token } : await deps.settings();
  if (!settings.token) return notConfigured;
  const api = createApi(settings, deps.fetch);
  try {
    switch (msg.type) {
      case 'lookup': {
        if (msg.emails.length === 0 && msg.phones.length === 0) return ok({ matches: [] });
        const data = await api.leads.lookup.query({ emails: msg.emails, phones: msg.phones });
        return ok(data);
      }
      case 'capture': {
        const data = await api.leads.capture.mutate(msg.lead);
        return ok(data);
      }
      case 'next-lead': {
        const data = await api.queue.next.mutate({ requestId: crypto.randomUUID() });
        if (data.lead) await deps.saveCurrentLead(data.lead);
        return ok(data);
      }
      case 'whoami':
      case 'test-connection': {
        const data = await api.me.query();
        return ok(data);
      }
    }
  } catch (err) {
    return toFailure(err, settings.serverUrl);
  }
  return { ok: false, code: 'ERROR', message: 'unknown message' };
}
