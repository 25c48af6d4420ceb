// Whom a contact found in text belongs to, when no markup says: the name carriers of its card,
// its labelled lines ("Name: Bodegas Protos"), its first line, or the heading of its section.
import { blockText, businessNear, contactBlock, looksLikeBusiness, looksLikeName, nameNear, textOf, titleNear, TITLE_WORDS } from './dom.ts';

export interface Who {
  name?: string;
  title?: string;
  company?: string;
}

// Headings and lines that name a part of a page, not whom it is about.
const GENERIC = /\b(contacts?|info(rmation)?|details|hours|opening|address(es)?|mailing|location|directions|map|about|home|menu|welcome|team|staff|people|description|reviews?|overview|news|events?|get in touch|reach us|find us|write to us|call us|e-?mail|(tele)?phone)\b/i;
const NAME_LABEL = /^name\s*[:：]\s*(.+)$/i;
const PERSON_LABEL = /^(?:full name|contact|contact person|customer|client|attn|attention|speaker|author|presenter|host)\s*[:：]\s*(.+)$/i;
const ORG_LABEL = /^(?:company|organi[sz]ation|business|firm|employer|practice|store|venue|institution|school)\s*[:：]\s*(.+)$/i;
const TITLE_LABEL = /^(?:title|job title|position|role|occupation)\s*[:：]\s*(.+)$/i;
/** A block longer than this is a page, not a card: its first line is no one's name. */
const CARD_TEXT = 600;
/** Labelled lines are read in blocks up to this size: a listing of "Label: value" lines. */
const LISTING_TEXT = 3000;
/** A section longer than this is an article: its heading is a topic, not the business to call. */
const SECTION_TEXT = 1500;

/** A short line that could name a business: capitalised, not a sentence, not a part of the page. */
export function looksLikeHeading(text: string): boolean {
  const t = text.trim();
  return t.length >= 2 && t.length <= 60 && t.split(/\s+/).length <= 6 && /^[\p{Lu}\d]/u.test(t) && !/[.!?:,;]$/.test(t) && !/:\s/.test(t) && !GENERIC.test(t) && !/\d{3}/.test(t) && !/[@<>{}=_\\|]/.test(t);
}

/** The first labels of the domains a block's lines write ("bodegasprotos" of enoturismo@bodegasprotos.com). */
function domainLabels(lines: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const line of lines) {
    for (const m of line.matchAll(/(?:@|\/\/)(?:www\.)?([a-z0-9-]{2,63})\./gi)) out.add(m[1]!.toLowerCase().replace(/-/g, ''));
  }
  return out;
}

const isTitle = (t: string, name: string | undefined) => t !== name && t.length <= 60 && TITLE_WORDS.test(t) && !/\d{3}/.test(t) && !t.includes('@');

const BOUNDARIES = new Set(['FOOTER', 'NAV', 'ASIDE', 'HEADER', 'ARTICLE', 'SECTION', 'FORM', 'DIALOG']);

/** Whom the heading nearest before an element within its section names, skipping the page's own part names. */
function sectionHeading(el: Element): Who {
  let scope: Element | null = el.parentElement;
  // Child counts first: reading the text of a page-sized element for every contact would cost a page each.
  const small = (e: Element) => e.childElementCount <= 60 && (e.textContent ?? '').length <= SECTION_TEXT;
  for (let level = 0; scope && level < 4 && small(scope); level++, scope = scope.parentElement) {
    // Only the section's own headings: one inside another card (a person's <li>) heads that card.
    const own = Array.from(scope.children).filter((h) => /^H[1-3]$/i.test(h.tagName));
    const before = own.filter((h) => (h.compareDocumentPosition(el) & 4) !== 0);
    for (const heading of before.reverse()) {
      const t = textOf(heading);
      if (GENERIC.test(t)) continue;
      if (looksLikeName(t)) return { name: t };
      return looksLikeBusiness(t) || looksLikeHeading(t) ? { company: t } : {};
    }
    // A footer, a navigation bar, an aside, an article or a form is a part of its own: a heading outside it is not its subject.
    if (BOUNDARIES.has(scope.tagName.toUpperCase())) break;
  }
  return {};
}

/** The person or business a contact in an element belongs to; `linkName` is a link's own text when it is a name. */
export function whoNear(el: Element, linkName?: string): Who {
  const block = contactBlock(el) ?? el;
  // The block's lines are read only when its carriers name no one: most cards do, and cost nothing more.
  let read: { lines: string[]; size: number } | undefined;
  const lines = () => {
    if (!read) {
      const size = block.childElementCount <= 200 ? (block.textContent ?? '').length : Infinity;
      read = { size, lines: size <= LISTING_TEXT ? blockText(block, true).split('\n').map((l) => l.trim()).filter(Boolean) : [] };
    }
    return read.lines;
  };
  const labelled = (re: RegExp) => {
    for (const line of lines()) {
      const value = re.exec(line)?.[1]?.trim();
      if (value) return value;
    }
    return undefined;
  };
  const first = () => (lines().length >= 2 && read!.size <= CARD_TEXT ? lines()[0] : undefined);
  // "Name: Bodegas Protos" names a business when it is the business's domain or reads as one.
  const plainName = () => labelled(NAME_LABEL);
  const nameIsOrg = (value: string) => looksLikeBusiness(value) || domainLabels(lines()).has(value.toLowerCase().replace(/[^\p{L}\d]/gu, ''));

  let name = linkName ?? nameNear(el);
  let section: Who = {};
  if (!name) {
    const plain = plainName();
    const labelledName = labelled(PERSON_LABEL) ?? (plain && !nameIsOrg(plain) ? plain : undefined);
    const firstLine = first();
    if (labelledName && looksLikeName(labelledName)) name = labelledName;
    else if (firstLine && looksLikeName(firstLine)) name = firstLine;
    else section = sectionHeading(el);
    name ??= section.name;
  }
  if (name) {
    const title = titleNear(el, name) ?? titleUnder(lines(), name) ?? labelled(TITLE_LABEL);
    return { name, ...(title ? { title } : {}) };
  }
  const plain = plainName();
  const labelledOrg = labelled(ORG_LABEL) ?? (plain && nameIsOrg(plain) ? plain : undefined);
  const firstLine = first();
  const company =
    businessNear(el) ??
    (labelledOrg && looksLikeHeading(labelledOrg) ? labelledOrg : undefined) ??
    (firstLine && looksLikeHeading(firstLine) ? firstLine : undefined) ??
    section.company;
  return company ? { company } : {};
}

/** The line under a name, when it reads as a job title: "Jane Doe / Professor". */
function titleUnder(lines: readonly string[], name: string): string | undefined {
  const at = lines.indexOf(name);
  const next = at >= 0 ? lines[at + 1] : undefined;
  return next && isTitle(next, name) ? next : undefined;
}
