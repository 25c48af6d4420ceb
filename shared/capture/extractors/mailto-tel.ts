import { makeCandidate } from '../candidate.ts';
import { whoNear } from '../block-heads.ts';
import { contactBlock, isSkipped, looksLikeName, textOf } from '../dom.ts';
import type { Candidate, Extractor } from '../types.ts';

/**
 * mailto: and tel: links, and links to .vcf cards. The address is explicit; the name comes from
 * the link text, or from the heading of the card or row around it.
 */
export const mailtoTel: Extractor = {
  id: 'mailto-tel',
  extract(root, ctx) {
    const out: Candidate[] = [];
    const links = root.querySelectorAll('a[href^="mailto:" i], a[href^="tel:" i], a[href^="callto:" i], a[href$=".vcf" i], a[href*=".vcf?" i], a[type="text/vcard" i], a[type="text/x-vcard" i]');
    for (const link of Array.from(links)) {
      if (isSkipped(link)) continue;
      const href = link.getAttribute('href') ?? '';
      const label = textOf(link);
      const { name, title, company } = whoNear(link, looksLikeName(label) ? label : undefined);
      const isMail = /^mailto:/i.test(href);
      const isTel = /^(tel|callto):/i.test(href);
      const c = makeCandidate(
        'mailto-tel',
        ctx,
        { name, title, company, email: isMail ? href : undefined, phone: isTel ? href : undefined },
        // A .vcf link names a person but carries no address to act on: it only folds into its card.
        isMail || isTel ? 0.8 : 0.5,
        { anchor: link, placement: 'after', block: contactBlock(link) ?? link },
      );
      if (c.email || c.phone || (c.name && !isMail && !isTel)) out.push(c);
    }
    return out;
  },
};
