import { CONTACT_FIELDS } from '../schemas/lead.ts';
import { EXTRACTORS } from './registry.ts';
import type { Candidate, ExtractContext, Extractor } from './types.ts';

const keyOf = (c: Candidate): string | undefined => (c.email ? `email:${c.email}` : c.phone ? `phone:${c.phone}` : undefined);

/**
 * Runs every extractor over a root and folds candidates that share an email or phone into one
 * contact. The first candidate found keeps the anchor; later ones only fill empty fields.
 */
export function extractContacts(root: ParentNode, ctx: ExtractContext, extractors: readonly Extractor[] = EXTRACTORS): Candidate[] {
  const byKey = new Map<string, Candidate>();
  const out: Candidate[] = [];
  for (const extractor of extractors) {
    for (const candidate of extractor.extract(root, ctx)) {
      const key = keyOf(candidate);
      if (!key) continue;
      const seen = byKey.get(key);
      if (!seen) {
        byKey.set(key, candidate);
        out.push(candidate);
        continue;
      }
      for (const field of CONTACT_FIELDS) {
        if (seen[field] === undefined && candidate[field] !== undefined) {
          seen[field] = candidate[field];
          const from = candidate.provenance[field];
          if (from) seen.provenance[field] = from;
        }
      }
      seen.confidence = Math.max(seen.confidence, candidate.confidence);
    }
  }
  return out;
}
