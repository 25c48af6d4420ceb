import { makeCandidate } from '../candidate.ts';
import { ownerDocumentOf, textOf } from '../dom.ts';
import type { Candidate, Extractor } from '../types.ts';

const meta = (doc: Document, key: string): string | undefined =>
  doc.querySelector(`meta[property="${key}" i], meta[name="${key}" i]`)?.getAttribute('content')?.trim() || undefined;

// "Maria Lopez - Acme | LinkedIn", "Maria Lopez – VP Sales – Acme": the site's suffix goes, the rest splits.
const SITE_SUFFIX = /\s*[|·]\s*[^|·]{1,40}$/;
const PROFILE_URL = /^https?:\/\/([a-z]{2,3}\.)?(www\.)?linkedin\.com\/in\/[^/?#]+/i;

/** "VP Sales at Acme · Experience: Acme · Location: Madrid" → title and company. */
export function parseHeadline(text: string | undefined): { title?: string; company?: string } {
  if (!text) return {};
  const parts = text.split(/\s+[·|]\s+/);
  const out: { title?: string; company?: string } = {};
  for (const part of parts) {
    const experience = /^(?:experience|current|company)\s*:\s*(.+)$/i.exec(part);
    if (experience && !out.company) out.company = experience[1];
    const at = /^(.{2,80}?)\s+(?:at|@)\s+(.{2,80})$/.exec(part);
    if (at && !out.title) {
      out.title = at[1];
      out.company ??= at[2];
    }
  }
  return out;
}

/**
 * LinkedIn-style profile pages: profile:first_name/last_name, og:title and og:description when
 * og:type is profile, and rel=me links. Reads the page's head, so it runs on whole documents only.
 */
export const profileMeta: Extractor = {
  id: 'profile-meta',
  extract(root, ctx) {
    const doc = ownerDocumentOf(root);
    if (root !== doc && root !== doc.body && root !== doc.documentElement) return [];
    const first = meta(doc, 'profile:first_name');
    const last = meta(doc, 'profile:last_name');
    const isProfile = meta(doc, 'og:type')?.toLowerCase() === 'profile' || Boolean(first || last) || PROFILE_URL.test(ctx.url);
    const relMe = Array.from(doc.querySelectorAll('a[rel~="me" i], link[rel~="me" i]')).map((a) => a.getAttribute('href') ?? '');
    if (!isProfile && relMe.length === 0) return [];

    const ogTitle = meta(doc, 'og:title');
    const titleParts = (ogTitle ?? '').replace(SITE_SUFFIX, '').split(/\s+[-–—]\s+/);
    const name = first || last ? [first, last].filter(Boolean).join(' ') : isProfile ? titleParts[0] : undefined;
    const headline = parseHeadline(meta(doc, 'og:description') ?? meta(doc, 'description'));
    const fromTitle = titleParts.length === 3 ? { title: titleParts[1], company: titleParts[2] } : titleParts.length === 2 ? { company: titleParts[1] } : {};
    const linkedin = relMe.find((h) => PROFILE_URL.test(h)) ?? (PROFILE_URL.exec(ctx.url)?.[0]);
    const email = relMe.find((h) => /^mailto:/i.test(h));
    const phone = relMe.find((h) => /^tel:/i.test(h));
    const website = relMe.find((h) => /^https?:/i.test(h) && !PROFILE_URL.test(h) && !/(twitter|x|github|facebook|instagram|mastodon)\.(com|social)/i.test(h));
    const heading = name ? Array.from(doc.querySelectorAll('h1, h2')).find((h) => textOf(h) === name) : undefined;
    const c = makeCandidate(
      'profile-meta',
      ctx,
      { name, title: headline.title ?? fromTitle.title, company: headline.company ?? fromTitle.company, linkedin, email, phone, website },
      0.7,
      heading ? { anchor: heading, placement: 'append', block: heading } : {},
    );
    const out: Candidate[] = [];
    if (c.name || c.email || c.phone) out.push(c);
    return out;
  },
};
