import type { Activity } from '../../shared/schemas/activity.ts';
import type { Lead } from '../../shared/schemas/lead.ts';
import type { ParsedMessage, Reply } from '../../shared/schemas/messages.ts';
import type { FollowUp } from '../../shared/schemas/team.ts';
import { applyPatch, baseOf } from '../sync/conflict-plan.ts';
import { listOffline, lookupOffline, rememberDetail, rememberLead, rememberLookups, withPending } from '../sync/cache-plan.ts';
import { backoffMs, sameAccount, type OutboxOp } from '../sync/outbox-plan.ts';
import { handleMessage, type HandlerDeps, type LeadDetail, type Queued, type Replies } from './handlers.ts';
import { dismissRejected, enqueue, flushOutbox, resolveConflict, syncStatus, type OutboxDeps } from './outbox.ts';
import { cacheFor, pullChanges, updateCache } from './pull.ts';
import type { Slot } from './sync-types.ts';

export interface OfflineDeps extends HandlerDeps, OutboxDeps {
  loadCurrentLead(): Promise<Lead | null>;
  /** The follow-ups as last fetched (kept by the reminders). */
  followUps: Slot<FollowUp[]>;
}

// Each case's data has the type its message promises; the switch cannot tell the compiler so.
const ok = (data: unknown, stale?: string | null): Reply<never> => ({ ok: true, data, ...(stale !== undefined ? { stale: stale ?? 'never' } : {}) }) as Reply<never>;

/** Keeps what the server just answered, for the next time it does not. */
async function remember(msg: ParsedMessage, data: unknown, deps: OfflineDeps): Promise<unknown> {
  const now = deps.now();
  switch (msg.type) {
    case 'whoami':
      return updateCache(deps, (c) => ({ ...c, me: data as Replies['whoami'] }));
    case 'lookup': {
      const { matches } = data as Replies['lookup'];
      return updateCache(deps, (c) => rememberLookups(c, [...msg.emails.map((e) => e.toLowerCase()), ...msg.phones], matches, now));
    }
    case 'get-lead':
    case 'open-lead': {
      const d = data as LeadDetail;
      return updateCache(deps, (c) => {
        const withLead = rememberLead(c, d.lead, c.me?.id);
        const next = rememberDetail(withLead, d.lead.id, { history: d.history, people: d.people, ownerName: d.ownerName }, now);
        // The copy's activities follow the freshest answer for leads it keeps.
        return next.leads[d.lead.id] ? { ...next, activities: { ...next.activities, [d.lead.id]: d.activities } } : next;
      });
    }
    case 'update-lead':
      return updateCache(deps, (c) => rememberLead(c, data as Lead, c.me?.id));
    case 'capture':
      // A capture routed to the rep is theirs at once.
      return updateCache(deps, (c) => ('lead' in (data as object) ? rememberLead(c, (data as { lead: Lead }).lead, c.me?.id) : c));
    case 'lost-reasons':
      return updateCache(deps, (c) => ({ ...c, lostReasons: data as string[] }));
    default:
      return;
  }
}

/** The answer from the offline copy when the server did not answer, or undefined when the copy cannot answer it. */
async function fromCache(msg: ParsedMessage, deps: OfflineDeps): Promise<Reply<never> | undefined> {
  const cache = await cacheFor(deps);
  const stale = cache.syncedAt;
  const outbox = await deps.storage.outbox.getValue();
  const me = cache.me;
  switch (msg.type) {
    case 'whoami':
      return me ? ok(me, stale) : undefined;
    case 'lookup':
      return ok({ matches: lookupOffline(cache, msg.emails, msg.phones, me?.name) }, stale);
    case 'get-lead':
    case 'open-lead': {
      const current = await deps.loadCurrentLead();
      const lead = cache.leads[msg.id] ?? (current?.id === msg.id ? current : undefined);
      if (!lead) return undefined;
      const extras = cache.details?.[msg.id];
      const shown = withPending(lead, cache.activities[msg.id] ?? [], outbox, me?.id ?? '');
      const detail: LeadDetail = {
        lead: shown.lead,
        explanation: { up: [], down: [] },
        ownerName: extras?.ownerName ?? (lead.ownerId && lead.ownerId === me?.id ? me.name : null),
        activities: shown.activities,
        history: (extras?.history ?? []) as LeadDetail['history'],
        people: { ...extras?.people, ...(me ? { [me.id]: me.name } : {}) },
      };
      if (msg.type === 'open-lead') await deps.saveCurrentLead(shown.lead);
      return ok(detail, stale);
    }
    case 'list-leads':
      if (msg.filter.ownerId !== 'me') return undefined;
      return ok(listOffline(cache, msg.filter), stale);
    case 'follow-ups':
      return ok(await deps.followUps.getValue(), stale);
    case 'lost-reasons':
      return cache.lostReasons ? ok(cache.lostReasons, stale) : undefined;
    default:
      return undefined;
  }
}

type WriteMessage = Extract<ParsedMessage, { type: 'capture' | 'add-activity' | 'update-lead' }>;

/** The outbox entry for a write, with the idempotency key it is known by from its first attempt on. */
function opFor(msg: WriteMessage, lead: Lead | undefined, now: Date): OutboxOp {
  const idempotencyKey = (msg.type === 'capture' ? msg.lead.idempotencyKey : msg.type === 'add-activity' ? msg.activity.idempotencyKey : msg.update.idempotencyKey) ?? crypto.randomUUID();
  const leadName = lead ? { leadName: lead.name ?? lead.email ?? lead.phone ?? lead.id } : {};
  switch (msg.type) {
    case 'capture':
      return { kind: 'capture', input: { ...msg.lead, idempotencyKey } };
    case 'add-activity':
      // Kept with the time the rep logged it: the timeline shows when the call happened, not when the train left the tunnel.
      return { kind: 'activity', input: { ...msg.activity, idempotencyKey, at: msg.activity.at ?? now.toISOString() }, ...leadName };
    case 'update-lead':
      return { kind: 'update', input: { ...msg.update, idempotencyKey }, base: msg.base ?? (lead ? baseOf(lead, msg.update.patch) : {}), ...leadName };
  }
}

function withKey(msg: WriteMessage, op: OutboxOp): WriteMessage {
  switch (msg.type) {
    case 'capture':
      return { ...msg, lead: { ...msg.lead, idempotencyKey: op.input.idempotencyKey } };
    case 'add-activity':
      return { ...msg, activity: { ...msg.activity, idempotencyKey: op.input.idempotencyKey } };
    case 'update-lead':
      return { ...msg, update: { ...msg.update, idempotencyKey: op.input.idempotencyKey } };
  }
}

/**
 * A capture, activity or edit: sent at once when the server answers and nothing waits before it;
 * otherwise kept in the outbox (in order behind what waits) and answered as queued.
 */
async function write(msg: WriteMessage, deps: OfflineDeps): Promise<Reply<never>> {
  const settings = await deps.settings();
  if (!settings.token) return handleMessage(msg, deps) as Promise<Reply<never>>;
  const cache = await cacheFor(deps);
  const leadId = msg.type === 'add-activity' ? msg.activity.leadId : msg.type === 'update-lead' ? msg.update.id : undefined;
  const current = await deps.loadCurrentLead();
  const lead = leadId ? (cache.leads[leadId] ?? (current?.id === leadId ? current : undefined)) : undefined;
  const op = opFor(msg, lead, deps.now());
  const waitingBefore = (await deps.storage.outbox.getValue()).some((e) => sameAccount(e.account, settings));
  if (!waitingBefore) {
    const reply = await handleMessage(withKey(msg, op), deps);
    if (reply.ok) {
      await remember(msg, reply.data, deps);
      return reply as Reply<never>;
    }
    if (reply.code !== 'UNREACHABLE') return reply as Reply<never>;
    await deps.storage.state.setValue({ ...(await deps.storage.state.getValue()), offline: true });
  }
  const waiting = await enqueue(deps, op, { serverUrl: settings.serverUrl, token: settings.token });
  const queued: Queued = { queued: true, waiting };
  // Behind others: the replay takes it in turn. Just failed: the first retry comes after a short wait.
  if (waitingBefore) void flushOutbox(deps);
  else deps.wakeIn(backoffMs(1, deps.random()));
  if (op.kind === 'update' && lead) {
    const shown = applyPatch(lead, op.input.patch);
    await deps.saveCurrentLead(shown);
    return ok({ ...queued, lead: shown });
  }
  if (op.kind === 'activity') {
    const activity: Activity = {
      id: `pending:${op.input.idempotencyKey}`,
      leadId: op.input.leadId,
      userId: cache.me?.id ?? '',
      type: op.input.type,
      ...(op.input.outcome !== undefined ? { outcome: op.input.outcome } : {}),
      ...(op.input.note !== undefined ? { note: op.input.note } : {}),
      ...(op.input.followUpAt !== undefined ? { followUpAt: op.input.followUpAt } : {}),
      at: deps.now().toISOString(),
    };
    return ok({ ...queued, activity });
  }
  return ok(queued);
}

/**
 * The background's answer to a message, working offline: writes go through the outbox, reads
 * fall back to the offline copy (marked `stale`) when the server does not answer, and every
 * answer from the server is kept for the next time it does not.
 */
export async function handleOffline(msg: ParsedMessage, deps: OfflineDeps): Promise<Reply<never>> {
  switch (msg.type) {
    case 'capture':
    case 'add-activity':
    case 'update-lead':
      return write(msg, deps);
    case 'sync-status':
      return ok(await syncStatus(deps));
    case 'sync-now':
      await flushOutbox(deps, true);
      await pullChanges(deps);
      return ok(await syncStatus(deps));
    case 'resolve-conflict':
      await resolveConflict(deps, msg.id, msg.keepMine);
      await pullChanges(deps);
      return ok(await syncStatus(deps));
    case 'dismiss-rejected':
      await dismissRejected(deps, msg.id);
      return ok(await syncStatus(deps));
    default:
      break;
  }
  const reply = await handleMessage(msg, deps);
  if (reply.ok) {
    if (msg.type !== 'test-connection') await remember(msg, reply.data, deps);
    // The server answers again: whatever waits can go now.
    if ((await deps.storage.outbox.getValue()).length > 0 && (await deps.storage.state.getValue()).offline) void flushOutbox(deps, true);
    return reply as Reply<never>;
  }
  if (reply.code !== 'UNREACHABLE' || msg.type === 'test-connection') return reply as Reply<never>;
  await deps.storage.state.setValue({ ...(await deps.storage.state.getValue()), offline: true });
  return (await fromCache(msg, deps)) ?? (reply as Reply<never>);
}
