import { makeCandidate } from '../candidate.ts';
import { decodeObfuscatedEmails } from '../deobfuscate.ts';
import { whoNear } from '../block-heads.ts';
import { contactBlock, isSkipped, ownerDocumentOf, textBefore } from '../dom.ts';
import { phonesInText } from '../phones.ts';
import { runSlices, type Candidate, type ExtractContext, type Extractor } from '../types.ts';

// Bounded character classes and no nested quantifiers: linear on hostile page text.
const EMAIL_IN_TEXT = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}/g;
// The markers deobfuscate.ts decodes: bracketed or upper-case "at" and "dot".
const OBFUSCATION_HINT = /[\[({<]\s*(?:at|dot)\s*[\])}>]|\sAT\s|\sDOT\s/;
/** Text nodes between two yields: small enough that a slice stays far below a 50 ms task. */
const SLICE = 256;

/** Whether a text may hold an address or a phone number: the cheap test, before any DOM work. */
function mayHoldContact(value: string): boolean {
  if (value.length < 6) return false;
  if (value.includes('@')) return true;
  let digits = 0;
  for (let i = 0; i < value.length && digits < 7; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  return digits >= 7 || OBFUSCATION_HINT.test(value);
}

/**
 * Emails (plain and obfuscated) and phone numbers in the visible text, outside mailto:/tel: links
 * (mailto-tel reads those). The name and title come from the same card, row or list item.
 */
function* textSlices(root: ParentNode, ctx: ExtractContext): Generator<void, Candidate[]> {
  const doc = ownerDocumentOf(root);
  const walker = doc.createTreeWalker(root as Node, 4 /* NodeFilter.SHOW_TEXT */);
  const out: Candidate[] = [];
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (++seen % SLICE === 0) yield;
    const value = node.nodeValue ?? '';
    if (!mayHoldContact(value)) continue;
    const parent = node.parentElement;
    if (!parent || isSkipped(parent) || parent.closest('a[href^="mailto:" i], a[href^="tel:" i]')) continue;
    const found: { email?: string; phone?: string; otherPhones?: string[]; index: number }[] = [];
    for (const m of value.matchAll(EMAIL_IN_TEXT)) found.push({ email: m[0], index: m.index ?? 0 });
    for (const m of decodeObfuscatedEmails(value)) if (!found.some((f) => f.email?.toLowerCase() === m.email)) found.push(m);
    // The label of a number at the start of this text ("Fax:", "Tel:") may sit in the element before.
    const firstDigit = value.search(/[\d(+]/);
    for (const m of phonesInText(value, ctx.region, 'VALID', firstDigit >= 0 && firstDigit < 24 ? textBefore(node) : '')) {
      const previous = found.at(-1);
      if (m.listed && previous?.phone) (previous.otherPhones ??= []).push(m.phone);
      else found.push(m);
    }
    if (found.length === 0) continue;
    // No person named around it: a listing's heading names the business to call.
    const { name, title, company } = whoNear(parent);
    const block = contactBlock(parent) ?? parent;
    for (const f of found.sort((a, b) => a.index - b.index)) {
      const c = makeCandidate('text', ctx, { email: f.email, phone: f.phone, otherPhones: f.otherPhones, name, title, company }, 0.6, { anchor: parent, placement: 'append', block });
      if (c.email || c.phone) out.push(c);
    }
  }
  return out;
}

/**
 * Emails (plain and obfuscated) and phone numbers in the visible text, outside mailto:/tel: links
 * (mailto-tel reads those). The name and title come from the same card, row or list item.
 */
export const textContacts: Extractor = {
  id: 'text',
  extract: (root, ctx) => runSlices(textSlices(root, ctx)),
  slices: textSlices,
};
