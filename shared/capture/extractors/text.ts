import { normaliseEmail } from '../../normalize.ts';
import { isSkipped, nameNear, ownerDocumentOf, titleNear } from '../dom.ts';
import type { Candidate, Extractor } from '../types.ts';

// Bounded character classes and no nested quantifiers: linear on hostile page text.
const EMAIL_IN_TEXT = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}/g;

/** Email addresses written in the page's visible text, outside links (mailto-tel has those). */
export const textEmails: Extractor = {
  id: 'text',
  extract(root, ctx) {
    const doc = ownerDocumentOf(root);
    const walker = doc.createTreeWalker(root as Node, 4 /* NodeFilter.SHOW_TEXT */);
    const out: Candidate[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const value = node.nodeValue ?? '';
      if (!value.includes('@')) continue;
      const parent = node.parentElement;
      if (!parent || isSkipped(parent) || parent.closest('a[href^="mailto:" i]')) continue;
      for (const match of value.matchAll(EMAIL_IN_TEXT)) {
        const email = normaliseEmail(match[0]);
        const name = nameNear(parent);
        const title = name ? titleNear(parent, name) : undefined;
        out.push({
          email,
          ...(name ? { name } : {}),
          ...(title ? { title } : {}),
          source: { kind: 'page', url: ctx.url },
          confidence: 0.6,
          provenance: { email: 'text', ...(name ? { name: 'text' } : {}), ...(title ? { title: 'text' } : {}) },
          anchor: parent,
          placement: 'append',
        });
      }
    }
    return out;
  },
};
