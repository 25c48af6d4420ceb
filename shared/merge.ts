import type { ContactField, FieldProvenance, SOURCE_KINDS } from './schemas/lead.ts';

export interface ContactRecord {
  name?: string | undefined;
  email?: string | undefined;
  otherEmails: string[];
  phone?: string | undefined;
  otherPhones: string[];
  title?: string | undefined;
  company?: string | undefined;
  website?: string | undefined;
  address?: string | undefined;
  provenance: Partial<Record<ContactField, FieldProvenance>>;
}

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export type IncomingFields = Partial<Record<ContactField, { value: string; provenance: FieldProvenance }>>;

/** How sure a source is by default, when the capturing side gives no confidence of its own. */
export const DEFAULT_CONFIDENCE: Record<(typeof SOURCE_KINDS)[number], number> = {
  manual: 0.9,
  import: 0.8,
  form: 0.8,
  api: 0.8,
  email: 0.75,
  page: 0.6,
  selection: 0.6,
};

const ALTERNATES = { email: 'otherEmails', phone: 'otherPhones' } as const;

/**
 * Merges captured fields into a record, field by field. A field that is empty takes the new
 * value; a field that differs is replaced only by a more confident source. Emails and phones are
 * never dropped: the one that loses becomes an alternate, so dedupe still finds the lead by it.
 */
export function mergeContact(base: ContactRecord, incoming: IncomingFields): { record: ContactRecord; changes: FieldChange[] } {
  const record: ContactRecord = {
    ...base,
    otherEmails: [...base.otherEmails],
    otherPhones: [...base.otherPhones],
    provenance: { ...base.provenance },
  };
  const changes: FieldChange[] = [];
  for (const [field, next] of Object.entries(incoming) as [ContactField, { value: string; provenance: FieldProvenance }][]) {
    const current = record[field];
    const currentConfidence = record.provenance[field]?.confidence ?? 0;
    if (current === next.value) {
      // A surer source confirms the value: keep its provenance, and report it so that it is saved.
      if (next.provenance.confidence > currentConfidence) {
        record.provenance[field] = next.provenance;
        changes.push({ field: `provenance.${field}`, from: base.provenance[field]?.confidence, to: next.provenance.confidence });
      }
      continue;
    }
    const alternates = field === 'email' || field === 'phone' ? record[ALTERNATES[field]] : undefined;
    if (current === undefined || next.provenance.confidence > currentConfidence) {
      record[field] = next.value;
      record.provenance[field] = next.provenance;
      changes.push({ field, from: current, to: next.value });
      if (alternates) {
        const at = alternates.indexOf(next.value);
        if (at >= 0) alternates.splice(at, 1);
        if (current !== undefined) alternates.push(current);
      }
    } else if (alternates && !alternates.includes(next.value)) {
      alternates.push(next.value);
      changes.push({ field: ALTERNATES[field as 'email' | 'phone'], from: undefined, to: next.value });
    }
  }
  return { record, changes };
}
