import { makeCandidate } from '../candidate.ts';
import { isSkipped } from '../dom.ts';
import type { Candidate, Extractor } from '../types.ts';

const ROOTS = ['h-card', 'vcard'];
const isRoot = (el: Element) => ROOTS.some((r) => el.classList.contains(r));

/** Elements under a card carrying one of the classes, not looking inside nested cards (only at their root). */
function props(card: Element, classes: string[]): Element[] {
  const out: Element[] = [];
  const walk = (el: Element) => {
    for (const child of Array.from(el.children)) {
      if (classes.some((c) => child.classList.contains(c))) out.push(child);
      if (!isRoot(child)) walk(child);
    }
  };
  walk(card);
  return out;
}

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** A p-* value: the value-class pattern, then abbr title, img alt, else the text. */
function text(el: Element): string {
  const parts = Array.from(el.querySelectorAll('.value')).map((v) => clean(v.getAttribute('title') ?? v.textContent));
  if (parts.length > 0) return parts.join('');
  const tag = el.tagName.toUpperCase();
  if (tag === 'ABBR' && el.getAttribute('title')) return clean(el.getAttribute('title'));
  if ((tag === 'IMG' || tag === 'AREA') && el.getAttribute('alt')) return clean(el.getAttribute('alt'));
  return clean(el.textContent);
}

/** A u-* value: the link target when there is one. */
function url(el: Element): string {
  const tag = el.tagName.toUpperCase();
  if ((tag === 'A' || tag === 'AREA' || tag === 'LINK') && el.getAttribute('href')) return el.getAttribute('href') ?? '';
  if (tag === 'IMG' && el.getAttribute('src')) return el.getAttribute('src') ?? '';
  return text(el);
}

const first = (card: Element, classes: string[], read: (el: Element) => string = text): string | undefined => {
  for (const el of props(card, classes)) {
    const v = read(el);
    if (v) return v;
  }
  return undefined;
};

const TEL = ['p-tel', 'u-tel', 'tel'];
const telOf = (el: Element): string => (el.tagName.toUpperCase() === 'A' && /^tel:/i.test(el.getAttribute('href') ?? '') ? el.getAttribute('href') ?? '' : text(el));

/** The v2 implied-name rules: img alt or abbr title on the card, its only child or grandchild; else its text. */
function impliedName(card: Element): string | undefined {
  const own = (el: Element): string | undefined => {
    const tag = el.tagName.toUpperCase();
    if ((tag === 'IMG' || tag === 'AREA') && el.getAttribute('alt')) return clean(el.getAttribute('alt'));
    if (tag === 'ABBR' && el.getAttribute('title')) return clean(el.getAttribute('title'));
    return undefined;
  };
  const onlyChild = (el: Element) => (el.children.length === 1 && !isRoot(el.children[0]!) ? el.children[0] : undefined);
  const child = onlyChild(card);
  const grandchild = child ? onlyChild(child) : undefined;
  const implied = own(card) ?? (child && own(child)) ?? (grandchild && own(grandchild));
  if (implied) return implied;
  const hasOther = props(card, []).length > 0 || Array.from(card.querySelectorAll('[class*="p-"], [class*="e-"], [class*="h-"]')).some((el) => /\b[pe]-[a-z]|\bh-[a-z]/.test(el.className));
  return hasOther ? undefined : clean(card.textContent) || undefined;
}

function address(card: Element): string | undefined {
  const adr = props(card, ['p-adr', 'adr', 'h-adr'])[0] ?? card;
  const street = first(adr, ['p-street-address', 'street-address']);
  const parts = [street, first(adr, ['p-extended-address', 'extended-address']), first(adr, ['p-locality', 'locality']), [first(adr, ['p-region', 'region']), first(adr, ['p-postal-code', 'postal-code'])].filter(Boolean).join(' '), first(adr, ['p-country-name', 'country-name'])].filter((p) => p);
  if (parts.length > 0) return parts.join(', ');
  return adr !== card ? text(adr) : first(card, ['p-label', 'label']);
}

/** h-card (microformats2) and vcard (microformats v1), with the implied-name rules. */
export const hCard: Extractor = {
  id: 'h-card',
  extract(root, ctx) {
    const out: Candidate[] = [];
    for (const card of Array.from(root.querySelectorAll('.h-card, .vcard'))) {
      if (isSkipped(card)) continue;
      // A card nested as a property (p-org h-card, p-author) describes another thing; its own pass reads it.
      const v2 = card.classList.contains('h-card');
      const given = first(card, ['p-given-name', 'given-name']);
      const family = first(card, ['p-family-name', 'family-name']);
      const explicit = first(card, v2 ? ['p-name', 'fn'] : ['fn', 'p-name']) ?? (given && family ? `${given} ${family}` : undefined);
      const orgEl = props(card, ['p-org', 'org'])[0];
      const org = orgEl ? (isRoot(orgEl) ? first(orgEl, ['p-name', 'fn', 'organization-name']) ?? text(orgEl) : first(orgEl, ['organization-name']) ?? text(orgEl)) : undefined;
      let name = explicit ?? (v2 ? impliedName(card) : undefined);
      let company = org;
      // In v1, a card whose fn is also its org is an organisation's card.
      if (name && company && name === company) name = undefined;
      if (!name && !company && !v2) company = undefined;
      const c = makeCandidate(
        'h-card',
        ctx,
        {
          name,
          email: first(card, ['u-email', 'email'], url),
          phone: first(card, TEL, telOf),
          otherPhones: props(card, TEL).map(telOf),
          title: first(card, ['p-job-title', 'title']) ?? first(card, ['p-role', 'role']),
          company,
          website: first(card, ['u-url', 'url'], url),
          address: address(card),
        },
        0.9,
        { anchor: card, placement: 'append', block: card },
      );
      if (c.name || c.email || c.phone) out.push(c);
    }
    return out;
  },
};
