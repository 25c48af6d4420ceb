import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../server/routers/_app.ts';
import type { Activity } from '../../shared/schemas/activity.ts';
import type { Lead } from '../../shared/schemas/lead.ts';
import type { FollowUp, TeamSummary } from '../../shared/schemas/team.ts';
import type { LookupMatch } from '../../shared/schemas/api.ts';
import type { ParsedMessage, Reply } from '../../shared/schemas/messages.ts';
import type { ProvisionalScore } from '../../shared/schemas/provisional.ts';
import type { RoutingConfig } from '../../shared/schemas/routing.ts';
import type { User } from '../../shared/schemas/user.ts';
import type { Settings } from '../storage/items.ts';
import { createApi, toFailure } from '../sync/api.ts';
import { RulesCache, scoreProvisionally } from './provisional-score.ts';
import type { SyncStatus } from './sync-types.ts';

export type Me = User & { openLeads: number };
type Outputs = inferRouterOutputs<AppRouter>;
export type LeadDetail = Outputs['leads']['get'];
export type LeadPage = Outputs['leads']['list'];
export type TeamUser = Outputs['users']['list'][number];

/** A write kept in the outbox because the server did not answer: it syncs once it does. */
export type Queued = { queued: true; waiting: number };

/** What each message answers with. */
export interface Replies {
  lookup: { matches: LookupMatch[] };
  capture: { lead: Lead; created: boolean } | Queued;
  'provisional-score': ProvisionalScore;
  'next-lead': { lead: Lead | null };
  whoami: Me;
  'test-connection': Me;
  'get-lead': LeadDetail;
  'open-lead': LeadDetail;
  /** Queued: the lead as it will be once the edit syncs. */
  'update-lead': Lead | (Queued & { lead: Lead });
  'add-activity': Activity | (Queued & { activity: Activity });
  'list-leads': LeadPage;
  'follow-ups': FollowUp[];
  'lost-reasons': string[];
  'team-summary': TeamSummary;
  users: TeamUser[];
  assign: Lead;
  'set-away': User;
  'sync-status': SyncStatus;
  'sync-now': SyncStatus;
  'resolve-conflict': SyncStatus;
  'dismiss-rejected': SyncStatus;
  'update-user': User;
  'routing-rules': RoutingConfig;
  'set-routing': RoutingConfig;
  'routing-log': Outputs['routing']['log'];
  'queue-peek': { depth: number; leads: Lead[] };
}

export interface HandlerDeps {
  settings(): Promise<Settings>;
  saveCurrentLead(lead: Lead | null): Promise<void>;
  fetch: typeof fetch;
  /** Called after a change that may add or settle a follow-up, so reminders follow at once. */
  followUpsChanged?(): Promise<void>;
}

// Each case's data has the type its message promises; the switch cannot tell the compiler so.
const ok = (data: unknown): Reply<never> => ({ ok: true, data }) as Reply<never>;

const notConfigured: Reply<never> = {
  ok: false,
  code: 'NOT_CONFIGURED',
  message: 'Leadsync is not connected yet: open the options and enter your server URL and token.',
};

const rulesCache = new RulesCache();

/** The background's answer to one message. Every failure becomes a reply; none is swallowed. */
export async function handleMessage<M extends ParsedMessage>(msg: M, deps: HandlerDeps): Promise<Reply<Replies[M['type']]>> {
  const settings = msg.type === 'test-connection' ? { serverUrl: msg.serverUrl, token: msg.token } : await deps.settings();
  // Scored here even when not connected: the default rules need no server.
  if (msg.type === 'provisional-score') {
    const now = new Date();
    const api = settings.token ? createApi(settings, deps.fetch) : undefined;
    const { rules, from } = await rulesCache.get(`${settings.serverUrl}|${settings.token}`, {
      fetchRules: () => (api ? api.scoring.getRules.query() : Promise.reject(new Error('not connected'))),
      now: () => now,
    });
    return ok(scoreProvisionally(msg.contact, rules, from, now));
  }
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
      case 'get-lead':
        return ok(await api.leads.get.query({ id: msg.id }));
      case 'open-lead': {
        const detail = await api.leads.get.query({ id: msg.id });
        await deps.saveCurrentLead(detail.lead);
        return ok(detail);
      }
      case 'update-lead': {
        const lead = await api.leads.update.mutate(msg.update);
        await deps.saveCurrentLead(lead);
        await deps.followUpsChanged?.();
        return ok(lead);
      }
      case 'add-activity': {
        const activity = await api.activities.add.mutate(msg.activity);
        await deps.followUpsChanged?.();
        return ok(activity);
      }
      case 'list-leads':
        return ok(await api.leads.list.query(msg.filter));
      case 'follow-ups':
        return ok(await api.activities.followUps.query({}));
      case 'lost-reasons':
        return ok(await api.team.lostReasons.query());
      case 'team-summary':
        return ok(await api.team.summary.query());
      case 'users':
        return ok(await api.users.list.query());
      case 'assign':
        return ok(await api.queue.assign.mutate(msg.assign));
      case 'queue-peek':
        return ok(await api.queue.peek.query({ limit: 20 }));
      case 'set-away':
        return ok(await api.users.update.mutate(msg.update));
      case 'update-user':
        return ok(await api.users.update.mutate(msg.update));
      case 'routing-rules':
        return ok(await api.routing.getRules.query());
      case 'set-routing':
        return ok(await api.routing.setRules.mutate(msg.config));
      case 'routing-log':
        return ok(await api.routing.log.query(msg.filter));
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
