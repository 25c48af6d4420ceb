import { signal, type Signal } from '@preact/signals';
import { phonesOf } from '../../shared/capture/candidate.ts';
import type { Candidate, CandidateField } from '../../shared/capture/types.ts';
import { CONTACT_FIELD_LABELS } from '../../shared/field-labels.ts';
import type { ProvisionalScore } from '../../shared/schemas/provisional.ts';

/** The fields a rep reviews before saving, in the order the card shows them. */
export const REVIEW_FIELDS = ['name', 'email', 'phone', 'title', 'company', 'website', 'address'] as const;
export type ReviewField = (typeof REVIEW_FIELDS)[number];

export const FIELD_LABELS: Record<ReviewField, string> = CONTACT_FIELD_LABELS;

// Where a field came from, in words a rep understands.
const SOURCE_WORDS: Record<string, string> = {
  'json-ld': 'page data (JSON-LD)',
  microdata: 'page data (microdata)',
  rdfa: 'page data (RDFa)',
  'h-card': 'contact card (h-card)',
  'mailto-tel': 'link',
  text: 'page text',
  'profile-meta': 'profile',
  gmail: 'Gmail message',
  outlook: 'Outlook message',
  selection: 'your selection',
};
export const describeSource = (extractor: string | undefined): string => (extractor ? SOURCE_WORDS[extractor] ?? extractor : 'typed by you');

export interface ReviewModel {
  candidate: Candidate;
  values: Record<ReviewField, Signal<string>>;
  saving: Signal<boolean>;
  error: Signal<string | undefined>;
  /** The score the fields as they stand would get, computed by the background; not the server's. */
  provisional: Signal<ProvisionalScore | undefined>;
  /** Saved, but only in the outbox: the server did not answer. Shown a moment before the card closes. */
  queued: Signal<string | undefined>;
}

export function createReview(candidate: Candidate): ReviewModel {
  const values = Object.fromEntries(REVIEW_FIELDS.map((f) => [f, signal(candidate[f] ?? '')])) as Record<ReviewField, Signal<string>>;
  return { candidate, values, saving: signal(false), error: signal(undefined), provisional: signal(undefined), queued: signal(undefined) };
}

/** Whether the rep changed a field from what was found (the provenance then says so); picking another found number is no edit. */
export function edited(model: ReviewModel, field: ReviewField): boolean {
  const value = model.values[field].value.trim();
  if (field === 'phone' && model.candidate.otherPhones?.includes(value)) return false;
  return (model.candidate[field] ?? '') !== value;
}

/** The numbers found for this contact that the phone field does not hold now: the rep may pick one instead. */
export function phoneChoices(model: ReviewModel): string[] {
  const current = model.values.phone.value.trim();
  const found = phonesOf(model.candidate);
  return found.length > 1 ? found.filter((p) => p !== current) : [];
}

/** The capture input the card sends: edited fields are the rep's own, with full confidence. */
export function reviewedLead(model: ReviewModel, url: string) {
  const lead: Partial<Record<ReviewField, string>> = {};
  const provenance: Partial<Record<CandidateField, { extractor: string; confidence: number }>> = {};
  for (const field of REVIEW_FIELDS) {
    const value = model.values[field].value.trim();
    if (!value) continue;
    lead[field] = value;
    provenance[field] = edited(model, field)
      ? { extractor: 'manual', confidence: 1 }
      : { extractor: model.candidate.provenance[field] ?? 'manual', confidence: model.candidate.confidence };
  }
  // The lead keeps the contact's other numbers too, unless the rep typed a number of their own.
  const found = phonesOf(model.candidate);
  const otherPhones = lead.phone && found.includes(lead.phone) ? found.filter((p) => p !== lead.phone) : [];
  return { ...lead, ...(otherPhones.length > 0 ? { otherPhones } : {}), source: { kind: model.candidate.source.kind, url }, provenance };
}
