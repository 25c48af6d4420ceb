import { isSkipped, ownerDocumentOf } from './dom.ts';
import { foldCandidates } from './fold.ts';
import { EXTRACTORS } from './registry.ts';
import { runSlices, type Candidate, type ExtractContext, type Extractor } from './types.ts';

/**
 * Candidates found only in invisible data (JSON-LD) get the first visible text that shows their
 * email, phone digits or name as their anchor, so a badge can sit there. One walk for all of them.
 */
function* anchorInvisible(root: ParentNode, contacts: Candidate[]): Generator<void, void> {
  const pending = contacts.filter((c) => !c.anchor);
  if (pending.length === 0) return;
  const walker = ownerDocumentOf(root).createTreeWalker(root as Node, 4 /* NodeFilter.SHOW_TEXT */);
  let seen = 0;
  for (let node = walker.nextNode(); node && pending.length > 0; node = walker.nextNode()) {
    if (++seen % 512 === 0) yield;
    const value = node.nodeValue ?? '';
    if (value.trim().length < 3) continue;
    const lower = value.toLowerCase();
    const digits = value.replace(/\D/g, '');
    for (let i = pending.length - 1; i >= 0; i--) {
      const c = pending[i]!;
      const hit =
        (c.email !== undefined && lower.includes(c.email)) ||
        (c.phone !== undefined && digits.length >= 7 && c.phone.replace(/\D/g, '').endsWith(digits.slice(-7)) && digits.length <= 15) ||
        (c.name !== undefined && value.includes(c.name));
      if (!hit || !node.parentElement || isSkipped(node.parentElement)) continue;
      c.anchor = node.parentElement;
      c.placement = 'append';
      pending.splice(i, 1);
    }
  }
}

/**
 * Runs every extractor over a root and folds what they found into one candidate per person:
 * same email, same phone, or the same card. A more precise extractor's value of a field wins.
 */
export function extractContacts(root: ParentNode, ctx: ExtractContext, extractors: readonly Extractor[] = EXTRACTORS): Candidate[] {
  return runSlices(extractContactsInSlices(root, ctx, extractors));
}

/**
 * The same, cut into slices: it yields after each extractor, and inside those that walk the
 * whole page, so whoever drives it can hand the main thread back to the page between slices.
 */
export function* extractContactsInSlices(root: ParentNode, ctx: ExtractContext, extractors: readonly Extractor[] = EXTRACTORS): Generator<void, Candidate[]> {
  const found: Candidate[] = [];
  for (const extractor of extractors) {
    found.push(...(extractor.slices ? yield* extractor.slices(root, ctx) : extractor.extract(root, ctx)));
    yield;
  }
  const contacts = foldCandidates(found);
  yield;
  yield* anchorInvisible(root, contacts);
  return contacts;
}
