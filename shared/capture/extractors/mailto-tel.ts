import { normaliseEmail, normalisePhone } from '../../normalize.ts';
import { isSkipped, looksLikeName, nameNear, textOf, titleNear } from '../dom.ts';
import type { Candidate, Extractor } from '../types.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** mailto: and tel: links: the address is explicit, the name comes from the link or its block. */
export const mailtoTel: Extractor = {
  id: 'mailto-tel',
  extract(root, ctx) {
    const out: Candidate[] = [];
    for (const link of Array.from(root.querySelectorAll('a[href^="mailto:" i], a[href^="tel:" i]'))) {
      if (isSkipped(link)) continue;
      const href = link.getAttribute('href') ?? '';
      const scheme = href.slice(0, href.indexOf(':')).toLowerCase();
      const target = decodeURIComponent(href.slice(href.indexOf(':') + 1).split('?')[0] ?? '').trim();
      const label = textOf(link);
      const name = looksLikeName(label) ? label : nameNear(link);
      const candidate: Candidate = {
        source: { kind: 'page', url: ctx.url },
        confidence: 0.8,
        provenance: {},
        anchor: link,
        placement: 'after',
      };
      if (scheme === 'mailto') {
        const email = normaliseEmail(target.split(',')[0] ?? '');
        if (!EMAIL.test(email)) continue;
        candidate.email = email;
        candidate.provenance.email = 'mailto-tel';
      } else {
        const phone = normalisePhone(target, ctx.region);
        if (!phone.ok) continue;
        candidate.phone = phone.e164;
        candidate.provenance.phone = 'mailto-tel';
      }
      if (name) {
        candidate.name = name;
        candidate.provenance.name = 'mailto-tel';
        const title = titleNear(link, name);
        if (title) {
          candidate.title = title;
          candidate.provenance.title = 'mailto-tel';
        }
      }
      out.push(candidate);
    }
    return out;
  },
};
