import type { Lead, LeadStatus } from '../../shared/schemas/lead.ts';

/** The fields an edit may change, as the conflict view compares them. */
export const EDITABLE_FIELDS = ['name', 'email', 'phone', 'title', 'company', 'website', 'address', 'territory', 'status'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];
/** A field's value; null is "empty". */
export type FieldValues = Partial<Record<EditableField, string | null>>;

/** The patch an update sends (leads.update's `patch`, already normalised). */
export interface Patch {
  name?: string | null | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  region?: string | undefined;
  title?: string | null | undefined;
  company?: string | null | undefined;
  website?: string | null | undefined;
  address?: string | null | undefined;
  territory?: string | null | undefined;
  status?: LeadStatus | undefined;
  lostReason?: string | undefined;
}

export interface FieldConflict {
  field: EditableField;
  /** What the rep started from. */
  was: string | null;
  mine: string | null;
  theirs: string | null;
}

export type Rebased =
  /** Nothing left to send: the lead already holds every value of the edit. */
  | { kind: 'noop' }
  /** Nobody else touched these fields: send the edit again on the lead's new version. */
  | { kind: 'retry'; version: number; patch: Patch }
  /** Someone changed a field the rep changed too: the rep chooses; `patch` holds the rest of the edit. */
  | { kind: 'ask'; version: number; patch: Patch; fields: FieldConflict[] };

export const valueOf = (lead: Lead, field: EditableField): string | null => lead[field] ?? null;

/** The lead's values for the fields a patch touches, as the rep saw them before editing. */
export function baseOf(lead: Lead, patch: Patch): FieldValues {
  const base: FieldValues = {};
  for (const field of EDITABLE_FIELDS) if (patch[field] !== undefined) base[field] = valueOf(lead, field);
  return base;
}

/**
 * A three-way comparison of an edit that met a newer version: per field, the value the rep
 * started from, theirs and the lead's now. A field nobody else changed keeps the rep's value; a
 * field changed both ways is never decided here. The rep's own earlier writes (an activity bumps
 * the version) thus never raise a question.
 */
export function rebase(base: FieldValues, patch: Patch, current: Lead): Rebased {
  const next: Patch = {};
  const fields: FieldConflict[] = [];
  for (const field of EDITABLE_FIELDS) {
    const mine = patch[field];
    if (mine === undefined) continue;
    const theirs = valueOf(current, field);
    if (mine === theirs) continue;
    const was = base[field] ?? null;
    if (theirs === was) Object.assign(next, { [field]: mine });
    else fields.push({ field, was, mine, theirs });
  }
  // A lost reason travels with its status; a region with its phone number.
  if (next.status === 'lost' && patch.lostReason !== undefined) next.lostReason = patch.lostReason;
  if (next.phone !== undefined && patch.region !== undefined) next.region = patch.region;
  if (fields.length > 0) return { kind: 'ask', version: current.version, patch: next, fields };
  return Object.keys(next).length === 0 ? { kind: 'noop' } : { kind: 'retry', version: current.version, patch: next };
}

/** The patch after the rep's choice: the undisputed part, plus each field where they kept their own value. */
export function choose(conflict: { patch: Patch; fields: readonly FieldConflict[]; lostReason?: string | undefined }, keepMine: ReadonlySet<EditableField>): Patch {
  const patch: Patch = { ...conflict.patch };
  for (const f of conflict.fields) {
    if (!keepMine.has(f.field)) continue;
    Object.assign(patch, { [f.field]: f.mine });
    if (f.field === 'status' && f.mine === 'lost' && conflict.lostReason !== undefined) patch.lostReason = conflict.lostReason;
  }
  return patch;
}

/** A lead with an edit applied, to show what the rep will see once it syncs. */
export function applyPatch(lead: Lead, patch: Patch): Lead {
  const next: Lead = { ...lead };
  for (const field of EDITABLE_FIELDS) {
    const value = patch[field];
    if (value === undefined) continue;
    if (field === 'status') {
      if (value !== null) next.status = value as LeadStatus;
    } else if (value === null) delete next[field];
    else next[field] = value;
  }
  if (patch.lostReason !== undefined) next.lostReason = patch.lostReason;
  return next;
}
