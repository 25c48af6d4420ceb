import { makeCandidate, type Fields } from './candidate.ts';
import { CANDIDATE_FIELDS, type Candidate, type ContactFields, type ExtractContext } from './types.ts';
import type { Source } from '../schemas/lead.ts';

/** A candidate as printed and sent: its fields, source, confidence and provenance, without DOM references. */
export interface LeadOut extends ContactFields {
  otherPhones?: string[];
  source: Source;
  confidence: number;
  provenance: Candidate['provenance'];
}

export function toLeadOut(c: Candidate): LeadOut {
  const fields: Partial<LeadOut> = {};
  for (const field of CANDIDATE_FIELDS) {
    const value = c[field];
    if (value !== undefined) fields[field] = value;
  }
  return { ...fields, ...(c.otherPhones ? { otherPhones: [...c.otherPhones] } : {}), source: c.source, confidence: c.confidence, provenance: c.provenance };
}

/** A candidate from plain field values (a vCard, an email header and signature). */
export function candidateFromFields(extractor: string, ctx: ExtractContext, fields: Fields, kind: Source['kind'], confidence: number): Candidate {
  const c = makeCandidate(extractor, ctx, fields, confidence);
  c.source = { kind, url: ctx.url };
  return c;
}
