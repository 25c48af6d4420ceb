import { nameKey } from '../normalize.ts';
import { addPhones, phonesOf } from './candidate.ts';
import { CANDIDATE_FIELDS, type Candidate } from './types.ts';

const agree = (a: string | undefined, b: string | undefined, same = (x: string, y: string) => x === y) => a === undefined || b === undefined || same(a, b);
const sameName = (a: string, b: string) => nameKey(a) === nameKey(b);

/** Whether two candidates list a number in common, as their phone or among their other numbers. */
function sharePhone(a: Candidate, b: Candidate): boolean {
  const theirs = phonesOf(b);
  return theirs.length > 0 && phonesOf(a).some((p) => theirs.includes(p));
}

/** Two candidates may be one person when no email, phone or name of theirs disagrees. */
export function compatible(a: Candidate, b: Candidate): boolean {
  return agree(a.email, b.email) && (agree(a.phone, b.phone) || sharePhone(a, b)) && agree(a.name, b.name, sameName);
}

/** Whether b is the same person as a: same email, same phone, or the same card or name without a conflict. */
export function samePerson(a: Candidate, b: Candidate): boolean {
  if (b.email && a.email === b.email) return true;
  if (sharePhone(a, b)) return true;
  // One card, one name, two numbers: the office and the mobile of one person.
  if (b.block && a.block === b.block && a.name && b.name && sameName(a.name, b.name) && agree(a.email, b.email)) return true;
  if (!compatible(a, b)) return false;
  if (b.block && a.block === b.block) return true;
  return Boolean(a.name && b.name && sameName(a.name, b.name));
}

/** Adds b's fields to a where a has none (a came from a more precise extractor), with their provenance. */
export function absorb(a: Candidate, b: Candidate): void {
  for (const field of CANDIDATE_FIELDS) {
    if (a[field] === undefined && b[field] !== undefined) {
      a[field] = b[field];
      const from = b.provenance[field];
      if (from) a.provenance[field] = from;
    }
  }
  // The same person reached on another number as well: kept for the rep to choose from.
  addPhones(a, phonesOf(b));
  a.confidence = Math.max(a.confidence, b.confidence);
  if (!a.anchor && b.anchor) {
    a.anchor = b.anchor;
    if (b.placement) a.placement = b.placement;
  }
  a.block ??= b.block;
}

/** Folds candidates into one per person, keeping the first-found value of each field. */
export function foldCandidates(candidates: readonly Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of candidates) {
    const into = out.find((m) => samePerson(m, c));
    if (into) absorb(into, c);
    else out.push({ ...c, provenance: { ...c.provenance }, ...(c.otherPhones ? { otherPhones: [...c.otherPhones] } : {}) });
  }
  // A later candidate may have joined two earlier ones (an email in one, a phone in the other).
  for (let i = 0; i < out.length; i++) {
    for (let j = out.length - 1; j > i; j--) {
      const a = out[i]!;
      const b = out[j]!;
      if ((a.email && a.email === b.email) || sharePhone(a, b)) {
        if (compatible(a, b) || a.email === b.email) {
          absorb(a, b);
          out.splice(j, 1);
        }
      }
    }
  }
  // A name guessed from a heading that is the organisation's own name is no person's name.
  for (const c of out) {
    const guessed = c.provenance.name === 'text' || c.provenance.name === 'mailto-tel';
    if (guessed && c.name && c.company && sameName(c.name, c.company)) {
      delete c.name;
      delete c.provenance.name;
    }
  }
  return out;
}
