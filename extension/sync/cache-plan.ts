import type { Activity } from '../../shared/schemas/activity.ts';
import type { LookupMatch } from '../../shared/schemas/api.ts';
import type { Lead, LeadStatus } from '../../shared/schemas/lead.ts';
import type { PullResult } from '../../shared/schemas/sync.ts';
import type { User } from '../../shared/schemas/user.ts';
import { applyPatch } from './conflict-plan.ts';
import type { OutboxEntry } from './outbox-plan.ts';

/** A lookup answer kept for offline badges; `leadId: null` remembers that nobody had the address. */
export interface CachedLookup {
  match: LookupMatch | null;
  at: string;
}

/** The rep's offline copy: their own leads with their activities, and what pages looked up. */
export interface SyncCache {
  /** Whose copy: the server URL and a digest of the token. Another account starts from empty. */
  account: string;
  cursor: string | null;
  /** When the copy last matched the server (ISO), shown as "as of …" while offline. */
  syncedAt: string | null;
  leads: Record<string, Lead>;
  activities: Record<string, Activity[]>;
  lookups: Record<string, CachedLookup>;
  /** The rep as `me` last answered. */
  me?: User & { openLeads: number };
  lostReasons?: string[];
  /** The history of leads the rep opened lately, with the names of the people in it. */
  details?: Record<string, LeadExtras>;
}

export interface LeadExtras {
  history: unknown[];
  people: Record<string, string>;
  ownerName: string | null;
  at: string;
}

/** Lead histories kept for offline viewing. */
export const DETAILS_KEPT = 100;

/** Remembers the history of a lead the rep opened. */
export function rememberDetail(cache: SyncCache, leadId: string, extras: Omit<LeadExtras, 'at'>, now: Date): SyncCache {
  const details = { ...cache.details, [leadId]: { ...extras, at: now.toISOString() } };
  const ids = Object.keys(details);
  if (ids.length > DETAILS_KEPT) {
    ids.sort((a, b) => (details[a]?.at ?? '').localeCompare(details[b]?.at ?? ''));
    for (const id of ids.slice(0, ids.length - DETAILS_KEPT)) delete details[id];
  }
  return { ...cache, details };
}

/** Lookups kept, newest first; a page rarely shows more than a few hundred contacts. */
export const LOOKUPS_KEPT = 2000;

export const emptyCache = (account: string): SyncCache => ({ account, cursor: null, syncedAt: null, leads: {}, activities: {}, lookups: {} });

/** The copy after one page of the change feed. */
export function applyPull(cache: SyncCache, page: PullResult, now: Date): SyncCache {
  const leads = page.reset ? {} : { ...cache.leads };
  const activities = page.reset ? {} : { ...cache.activities };
  for (const change of page.changes) {
    if (change.type === 'lead') {
      leads[change.lead.id] = change.lead;
      activities[change.lead.id] = change.activities;
    } else {
      delete leads[change.leadId];
      delete activities[change.leadId];
    }
  }
  return { ...cache, leads, activities, cursor: page.cursor, syncedAt: page.more ? cache.syncedAt : now.toISOString() };
}

/** Remembers a lookup's answers, and that the other keys asked matched nobody. */
export function rememberLookups(cache: SyncCache, asked: readonly string[], matches: readonly LookupMatch[], now: Date): SyncCache {
  const at = now.toISOString();
  const lookups = { ...cache.lookups };
  const found = new Map(matches.map((m) => [m.key, m]));
  for (const key of asked) lookups[key] = { match: found.get(key) ?? null, at };
  for (const m of matches) lookups[m.key] = { match: m, at };
  const keys = Object.keys(lookups);
  // Trimmed in steps, so a busy page does not sort the whole map on every lookup.
  if (keys.length > LOOKUPS_KEPT * 1.1) {
    const oldest = keys.sort((a, b) => (lookups[a]?.at ?? '').localeCompare(lookups[b]?.at ?? '')).slice(0, keys.length - LOOKUPS_KEPT);
    for (const key of oldest) delete lookups[key];
  }
  return { ...cache, lookups };
}

const matchOf = (lead: Lead, key: string, ownerName: string | undefined): LookupMatch => ({
  key,
  leadId: lead.id,
  score: lead.score.total,
  grade: lead.score.grade,
  status: lead.status,
  ...(ownerName ? { ownerName } : {}),
});

/** A lookup answered from the copy: the rep's own leads first (they are the freshest), then earlier answers. One match per lead. */
export function lookupOffline(cache: SyncCache, emails: readonly string[], phones: readonly string[], myName?: string): LookupMatch[] {
  const own = new Map<string, Lead>();
  for (const lead of Object.values(cache.leads)) {
    for (const e of [lead.email, ...lead.otherEmails]) if (e) own.set(e.toLowerCase(), lead);
    for (const p of [lead.phone, ...lead.otherPhones]) if (p) own.set(p, lead);
  }
  const seen = new Set<string>();
  const out: LookupMatch[] = [];
  for (const raw of [...emails.map((e) => e.toLowerCase()), ...phones]) {
    const lead = own.get(raw);
    const match = lead ? matchOf(lead, raw, myName) : cache.lookups[raw]?.match;
    if (!match || seen.has(match.leadId)) continue;
    seen.add(match.leadId);
    out.push(match);
  }
  return out;
}

export interface CacheListFilter {
  status?: LeadStatus | undefined;
  q?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** My leads from the copy, as leads.list answers them: newest first (ids sort by time), paged by id. */
export function listOffline(cache: SyncCache, filter: CacheListFilter): { items: Lead[]; nextCursor: string | null } {
  const q = filter.q?.trim().toLowerCase();
  const all = Object.values(cache.leads)
    .filter((l) => filter.status === undefined || l.status === filter.status)
    .filter((l) => !q || [l.name, l.email, l.phone, l.company, l.title].filter(Boolean).join(' ').toLowerCase().includes(q))
    .filter((l) => filter.cursor === undefined || l.id < filter.cursor)
    .sort((a, b) => b.id.localeCompare(a.id));
  const items = all.slice(0, filter.limit);
  const last = items.at(-1);
  return { items, nextCursor: all.length > filter.limit && last ? last.id : null };
}

/** Keeps a lead the server just answered with, if it is the rep's own and newer than the copy's. */
export function rememberLead(cache: SyncCache, lead: Lead, myId: string | undefined): SyncCache {
  const had = cache.leads[lead.id];
  if (had && had.version > lead.version) return cache;
  const leads = { ...cache.leads };
  const activities = { ...cache.activities };
  if (myId !== undefined && lead.ownerId === myId) leads[lead.id] = lead;
  else {
    delete leads[lead.id];
    delete activities[lead.id];
  }
  return { ...cache, leads, activities };
}

/** A pending activity as the timeline shows it until the server has it. */
const pendingActivity = (entry: OutboxEntry, userId: string): Activity | undefined =>
  entry.op.kind === 'activity'
    ? {
        id: `pending:${entry.id}`,
        leadId: entry.op.input.leadId,
        userId,
        type: entry.op.input.type,
        ...(entry.op.input.outcome !== undefined ? { outcome: entry.op.input.outcome } : {}),
        ...(entry.op.input.note !== undefined ? { note: entry.op.input.note } : {}),
        ...(entry.op.input.followUpAt !== undefined ? { followUpAt: entry.op.input.followUpAt } : {}),
        at: entry.queuedAt,
      }
    : undefined;

/** A lead as the rep will see it once the outbox has synced: its waiting edits applied, its waiting activities listed. */
export function withPending(lead: Lead, activities: readonly Activity[], outbox: readonly OutboxEntry[], userId: string): { lead: Lead; activities: Activity[]; pending: number } {
  let shown = lead;
  const list = [...activities];
  let pending = 0;
  for (const entry of outbox) {
    if (entry.op.kind === 'update' && entry.op.input.id === lead.id) {
      shown = applyPatch(shown, entry.op.input.patch);
      pending++;
    } else if (entry.op.kind === 'activity' && entry.op.input.leadId === lead.id) {
      const a = pendingActivity(entry, userId);
      if (a) list.push(a);
      pending++;
    }
  }
  return { lead: shown, activities: list, pending };
}
