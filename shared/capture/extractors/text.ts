import { makeCandidate } from '../candidate.ts';
import { decodeObfuscatedEmails } from '../deobfuscate.ts';
import { contactBlock, isSkipped, nameNear, ownerDocumentOf, titleNear } from '../dom.ts';
import { phonesInText } from '../phones.ts';
import type { Candidate, Extractor } from '../types.ts';

// Bounded character classes and no nested quantifiers: linear on hostile page text.
const EMAIL_IN_TEXT = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}/g;
const MAY_HOLD_CONTACT = /@|\d{2}|\b(?:at|AT|dot|DOT)\b/;

/**
 * Emails (plain and obfuscated) and phone numbers in the visible text, outside mailto:/tel: links
 * (mailto-tel reads those). The name and title come from the same card, row or list item.
 */
export const textContacts: Extractor = {
  id: 'text',
  extract(root, ctx) {
    const doc = ownerDocumentOf(root);
    const walker = doc.createTreeWalker(root as Node, 4 /* NodeFilter.SHOW_TEXT */);
    const out: Candidate[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const value = node.nodeValue ?? '';
      if (value.length < 6 || !MAY_HOLD_CONTACT.test(value)) continue;
      const parent = node.parentElement;
      if (!parent || isSkipped(parent) || parent.closest('a[href^="mailto:" i], a[href^="tel:" i]')) continue;
      const found: { email?: string; phone?: string; index: number }[] = [];
      for (const m of value.matchAll(EMAIL_IN_TEXT)) found.push({ email: m[0], index: m.index ?? 0 });
      for (const m of decodeObfuscatedEmails(value)) if (!found.some((f) => f.email?.toLowerCase() === m.email)) found.push(m);
      for (const m of phonesInText(value, ctx.region)) found.push(m);
      if (found.length === 0) continue;
      const name = nameNear(parent);
      const title = name ? titleNear(parent, name) : undefined;
      const block = contactBlock(parent) ?? parent;
      for (const f of found.sort((a, b) => a.index - b.index)) {
        const c = makeCandidate('text', ctx, { email: f.email, phone: f.phone, name, title }, 0.6, { anchor: parent, placement: 'append', block });
        if (c.email || c.phone) out.push(c);
      }
    }
    return out;
  },
};
