import { TRPCError } from '@trpc/server';
import { dedupeKeys } from '../../shared/dedupe.ts';
import { DEFAULT_CONFIDENCE, mergeContact, type ContactRecord, type FieldChange, type IncomingFields } from '../../shared/merge.ts';
import { normaliseEmail, normalisePhone } from '../../shared/normalize.ts';
import { canTransition, OPEN_STATUSES } from '../../shared/pipeline.ts';
import { computeScore } from '../../shared/scoring/score.ts';
import { topReasons } from '../../shared/scoring/explain.ts';
import type { Activity } from '../../shared/schemas/activity.ts';
import type { LookupMatch, ListInput } from '../../shared/schemas/api.ts';
import { CONTACT_FIELDS, type CaptureInput, type Lead, type LeadPatch } from '../../shared/schemas/lead.ts';
import { hasRole } from '../../shared/roles.ts';
import type { Deps } from '../deps.ts';
import { newId } from '../ids.ts';
import { IdempotencyRepo } from '../repos/idempotency.ts';
import { publicLead } from '../repos/leads.ts';
import type { HistoryEntry, LeadRecord, Tx, UserRecord } from '../store/types.ts';
import { autoRoute } from './routing.ts';
import { statusSince } from './status-since.ts';
import { scoreLead } from './scoring.ts';
import { checkLostReason, recordOutcome } from './pipeline.ts';

export interface CaptureResult {
  lead: Lead;
  created: boolean;
}

/** The score of a lead as it stands, from its fields and its activities. */
export function rescore(deps: Deps, lead: LeadRecord, now: Date, pending: readonly Activity[] = []): LeadRecord {
  const activities = [...deps.repos.activities.forLead(lead.id), ...pending];
  return { ...lead, score: scoreLead(deps, lead, activities, now) };
}

/** A change of score, for the history, when the total moved. */
export function scoreChange(before: LeadRecord, after: LeadRecord): FieldChange[] {
  return before.score.total === after.score.total && before.score.grade === after.score.grade
    ? []
    : [{ field: 'score', from: `${before.score.grade} ${before.score.total}`, to: `${after.score.grade} ${after.score.total}` }];
}

export function addHistory(deps: Deps, tx: Tx, now: Date, entry: Omit<HistoryEntry, 'id' | 'at'>): void {
  deps.repos.history.add(tx, { id: newId('hst', now), at: now.toISOString(), ...entry });
}

/** Where a new lead goes instead of the routing rules, inside its capture's transaction. */
export type Placement = (tx: Tx, lead: LeadRecord, now: Date) => LeadRecord;

/**
 * Stores a captured contact: normalised already by the input schema, deduplicated by email,
 * phone, then company domain plus name, and merged field by field into the lead it matches.
 * A new lead goes where `place` puts it, else by the routing rules.
 */
export function captureLead(deps: Deps, user: Pick<UserRecord, 'id'>, input: CaptureInput, place?: Placement): Promise<CaptureResult> {
  const now = deps.now();
  const at = now.toISOString();
  return deps.store.transact((tx) => {
    const idemKey = input.idempotencyKey ? IdempotencyRepo.keyOf(user.id, 'leads.capture', input.idempotencyKey) : undefined;
    const prior = idemKey ? deps.repos.idempotency.get(idemKey) : undefined;
    if (prior) return prior.response as CaptureResult;

    const incoming: IncomingFields = {};
    for (const field of CONTACT_FIELDS) {
      const value = input[field];
      if (value === undefined) continue;
      const hint = input.provenance?.[field];
      incoming[field] = {
        value,
        provenance: {
          kind: input.source.kind,
          ...(input.source.url ? { url: input.source.url } : {}),
          ...(hint?.extractor ? { extractor: hint.extractor } : {}),
          confidence: hint?.confidence ?? DEFAULT_CONFIDENCE[input.source.kind],
          at,
          by: user.id,
        },
      };
    }

    const otherPhones = input.otherPhones ?? [];
    const existing = deps.repos.leads.findByKeys(dedupeKeys({ ...input, otherEmails: [], otherPhones }));
    let result: CaptureResult;
    if (existing) {
      const { record, changes } = mergeContact(existing, incoming);
      changes.push(...addAlternatePhones(record, otherPhones));
      let lead = existing;
      if (changes.length > 0) {
        lead = rescore(deps, { ...existing, ...record, version: existing.version + 1, updatedAt: at }, now);
        deps.repos.leads.put(tx, lead);
        addHistory(deps, tx, now, { leadId: lead.id, by: user.id, action: 'merged', changes: [...changes, ...scoreChange(existing, lead)], note: `captured from ${input.source.kind}` });
      }
      result = { lead: publicLead(lead), created: false };
    } else {
      const { record } = mergeContact({ otherEmails: [], otherPhones: [], provenance: {} }, incoming);
      addAlternatePhones(record, otherPhones);
      const draft: Omit<LeadRecord, 'score'> = {
        id: newId('ld', now),
        ...record,
        source: input.source,
        ...(input.territory !== undefined ? { territory: input.territory } : {}),
        status: 'new',
        ownerId: null,
        contactBy: null,
        capturedBy: user.id,
        version: 1,
        createdAt: at,
        updatedAt: at,
        seq: 0,
      };
      // Scored once, with the team's rules, model and firmographics; a new lead has no activities yet.
      const lead: LeadRecord = { ...draft, score: scoreLead(deps, draft, [], now) };
      deps.repos.leads.put(tx, lead);
      // The first values are the lead itself, with their provenance: history records what changes after.
      addHistory(deps, tx, now, { leadId: lead.id, by: user.id, action: 'created', changes: [], note: `captured from ${input.source.kind}` });
      result = { lead: publicLead(place ? place(tx, lead, now) : autoRoute(deps, tx, lead, now)), created: true };
    }
    if (idemKey) deps.repos.idempotency.put(tx, { id: idemKey, userId: user.id, at, response: result });
    return result;
  });
}

/** A capture's further numbers join the lead's alternates, after its own phone and those it has. */
function addAlternatePhones(record: ContactRecord, phones: readonly string[]): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const phone of phones) {
    if (phone === record.phone || record.otherPhones.includes(phone)) continue;
    record.otherPhones.push(phone);
    changes.push({ field: 'otherPhones', from: undefined, to: phone });
  }
  return changes;
}

export function getLead(deps: Deps, id: string): LeadRecord {
  const lead = deps.repos.leads.get(id);
  if (!lead) throw new TRPCError({ code: 'NOT_FOUND', message: `id: no lead ${id}` });
  return lead;
}

export function leadDetail(deps: Deps, id: string) {
  const lead = getLead(deps, id);
  const owner = lead.ownerId ? deps.repos.users.get(lead.ownerId) : undefined;
  const activities = deps.repos.activities.forLead(id);
  const history = deps.repos.history.forLead(id);
  // Names for the people in the history and activities, so a rep sees who, not an id.
  const people: Record<string, string> = {};
  for (const userId of [...activities.map((a) => a.userId), ...history.map((h) => h.by)]) {
    const user = deps.repos.users.get(userId);
    if (user) people[userId] = user.name;
  }
  return {
    lead: publicLead(lead),
    /** The reasons that raise the score most and those that lower it most. */
    explanation: topReasons(lead.score),
    ownerName: owner?.name ?? null,
    activities,
    history,
    people,
  };
}

export function listLeads(deps: Deps, user: UserRecord, input: ListInput) {
  const ownerId = input.ownerId === 'me' ? user.id : input.ownerId === 'none' ? null : input.ownerId;
  const page = deps.repos.leads.list({ status: input.status, ownerId, q: input.q }, input.limit, input.cursor);
  return { items: page.items.map(publicLead), nextCursor: page.nextCursor };
}

/** The known leads among addresses and numbers seen on a page: one match per lead. */
export function lookupLeads(deps: Deps, input: { emails?: string[] | undefined; phones?: string[] | undefined; region?: string | undefined }): { matches: LookupMatch[] } {
  const keys: [string, string][] = [];
  for (const raw of input.emails ?? []) {
    const email = normaliseEmail(raw);
    keys.push([email, `email:${email}`]);
  }
  for (const raw of input.phones ?? []) {
    const phone = normalisePhone(raw, input.region ?? deps.settings.defaultRegion);
    if (phone.ok) keys.push([phone.e164, `phone:${phone.e164}`]);
  }
  const seen = new Set<string>();
  const matches: LookupMatch[] = [];
  for (const [key, indexKey] of keys) {
    const id = deps.repos.leads.idForKey(indexKey);
    if (id === undefined || seen.has(id)) continue;
    const lead = deps.repos.leads.get(id);
    if (!lead) continue;
    seen.add(id);
    const owner = lead.ownerId ? deps.repos.users.get(lead.ownerId) : undefined;
    const { up, down } = topReasons(lead.score);
    matches.push({
      key,
      leadId: id,
      score: lead.score.total,
      grade: lead.score.grade,
      status: lead.status,
      statusSince: statusSince(deps.repos.history.forLead(id), lead.status, lead.createdAt),
      reasons: [...up, ...down],
      ...(owner ? { ownerName: owner.name } : {}),
    });
  }
  return { matches };
}

export function assertCanEdit(user: UserRecord, lead: LeadRecord): void {
  if (!hasRole(user.role, 'lead') && lead.ownerId !== user.id) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'you can change only leads you own' });
  }
}

/** Applies a patch with optimistic concurrency: a stale version is a CONFLICT, never a silent overwrite. */
export function updateLead(deps: Deps, user: UserRecord, input: { id: string; version: number; patch: LeadPatch; idempotencyKey?: string | undefined }): Promise<Lead> {
  const now = deps.now();
  const at = now.toISOString();
  return deps.store.transact((tx) => {
    const idemKey = input.idempotencyKey ? IdempotencyRepo.keyOf(user.id, 'leads.update', input.idempotencyKey) : undefined;
    const prior = idemKey ? deps.repos.idempotency.get(idemKey) : undefined;
    if (prior) return prior.response as Lead;
    const answer = (result: Lead): Lead => {
      if (idemKey) deps.repos.idempotency.put(tx, { id: idemKey, userId: user.id, at, response: result });
      return result;
    };
    const lead = getLead(deps, input.id);
    assertCanEdit(user, lead);
    if (lead.version !== input.version) {
      throw new TRPCError({ code: 'CONFLICT', message: `version: the lead changed since version ${input.version}; it is now at version ${lead.version}` });
    }
    const { patch } = input;
    const next: LeadRecord = { ...lead, provenance: { ...lead.provenance } };
    const changes: FieldChange[] = [];
    for (const field of CONTACT_FIELDS) {
      const value = patch[field];
      if (value === undefined || value === lead[field]) continue;
      if (value !== null && (field === 'email' || field === 'phone')) {
        const other = deps.repos.leads.idForKey(`${field}:${value}`);
        if (other !== undefined && other !== lead.id) {
          throw new TRPCError({ code: 'CONFLICT', message: `${field}: ${value} already belongs to lead ${other}` });
        }
      }
      changes.push({ field, from: lead[field], to: value ?? undefined });
      if (value === null) {
        delete next[field];
        delete next.provenance[field];
      } else {
        next[field] = value;
        next.provenance[field] = { kind: 'manual', confidence: 1, at, by: user.id };
        // The rep made one of the lead's other numbers its phone: it is no longer another number.
        if (field === 'phone' && lead.otherPhones.includes(value)) next.otherPhones = lead.otherPhones.filter((p) => p !== value);
        if (field === 'email' && lead.otherEmails.includes(value)) next.otherEmails = lead.otherEmails.filter((e) => e !== value);
      }
    }
    if (patch.territory !== undefined && patch.territory !== (lead.territory ?? null)) {
      changes.push({ field: 'territory', from: lead.territory, to: patch.territory ?? undefined });
      if (patch.territory === null) delete next.territory;
      else next.territory = patch.territory;
    }
    if (patch.status !== undefined && patch.status !== lead.status) {
      if (!canTransition(lead.status, patch.status)) {
        throw new TRPCError({ code: 'BAD_REQUEST', message: `status: a lead cannot move from ${lead.status} to ${patch.status}` });
      }
      // An open lead is an owned lead: without an owner it would leave the queue and belong to nobody.
      if (OPEN_STATUSES.has(patch.status) && !lead.ownerId) {
        throw new TRPCError({ code: 'BAD_REQUEST', message: `status: a lead becomes ${patch.status} only once someone owns it; use queue.assign or queue.next first` });
      }
      changes.push({ field: 'status', from: lead.status, to: patch.status });
      next.status = patch.status;
      if (patch.status === 'new') {
        if (lead.ownerId) changes.push({ field: 'ownerId', from: lead.ownerId, to: null });
        next.ownerId = null;
        next.contactBy = null;
      }
      if (patch.status === 'lost') {
        next.lostReason = checkLostReason(deps, patch.lostReason);
        changes.push({ field: 'lostReason', from: lead.lostReason, to: next.lostReason });
      } else if (lead.lostReason !== undefined) {
        delete next.lostReason;
      }
      if (patch.status !== 'assigned' && patch.status !== 'new') next.contactBy = null;
      if (lead.contactBy && next.contactBy !== lead.contactBy) changes.push({ field: 'contactBy', from: lead.contactBy, to: next.contactBy });
    } else if (patch.lostReason !== undefined) {
      throw new TRPCError({ code: 'BAD_REQUEST', message: 'lostReason: is set only with status lost' });
    }
    if (changes.length === 0) return answer(publicLead(lead));
    const saved = rescore(deps, { ...next, version: lead.version + 1, updatedAt: at }, now);
    deps.repos.leads.put(tx, saved);
    addHistory(deps, tx, now, { leadId: lead.id, by: user.id, action: 'updated', changes: [...changes, ...scoreChange(lead, saved)] });
    if (saved.status !== lead.status) recordOutcome(deps, tx, saved, user.id, now);
    return answer(publicLead(saved));
  });
}
