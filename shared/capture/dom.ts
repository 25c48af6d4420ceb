// DOM helpers for extractors. They take nodes as parameters and never reach for a global document.

/** Elements whose text is never a visible contact: code, styles, and our own badges. */
export const SKIP_TAGS: ReadonlySet<string> = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'SVG', 'HEAD', 'TITLE', 'LEADSYNC-BADGE', 'LEADSYNC-REVIEW']);

export function ownerDocumentOf(root: ParentNode): Document {
  const doc = (root as Node).nodeType === 9 ? (root as Document) : (root as Node).ownerDocument;
  if (!doc) throw new Error('extractor root has no document');
  return doc;
}

export function isSkipped(el: Element | null): boolean {
  for (let cur = el; cur; cur = cur.parentElement) {
    if (SKIP_TAGS.has(cur.tagName.toUpperCase())) return true;
    if (cur.hasAttribute('hidden') || cur.getAttribute('aria-hidden') === 'true') return true;
  }
  return false;
}

/** Up to `max` characters of the text just before a node on the page: "Fax:" ahead of `<span>+33 1 …</span>`. */
export function textBefore(node: Node, max = 24): string {
  let text = '';
  let cur: Node | null = node;
  for (let climbs = 0; cur && text.length < max && climbs < 4; climbs++) {
    for (let prev = cur.previousSibling; prev && text.length < max; prev = prev.previousSibling) {
      // A large element before it is another part of the page, not a label: its text would cost a page.
      if (prev.nodeType === 1 && (prev as Element).childElementCount > 8) return text.replace(/\s+/g, ' ').slice(-max);
      text = (prev.textContent ?? '') + text;
    }
    cur = cur.parentNode;
  }
  return text.replace(/\s+/g, ' ').slice(-max);
}

export const textOf = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

// Two to four capitalised words of any cased script (Maria Lopez, Сергей Обухов), optionally with
// particles (de, van, von …) and initials.
const NAME = /^(?:\p{Lu}[\p{L}'’-]+|\p{Lu}\.)(?:\s+(?:(?:de|da|del|der|di|du|la|le|van|von|bin|al)\s+)?(?:\p{Lu}[\p{L}'’-]+|\p{Lu}\.)){1,3}$/u;
const NOT_NAMES = /\b(contact|email|phone|call|about|team|sales|support|office|inc|ltd|llc|gmbh|company|us|our|the|read|more|home|page)\b/i;
/** Words that make a heading a business's name ("Philippa's Pharmacy", "ACME Hotel Innsbruck"), not a person's. */
const BUSINESS = /\b(pharmacy|drugstore|hotel|motel|hostel|cafe|café|coffee|restaurant|bistro|bakery|brewery|winery|supplies|store|shop|market|laundromat|salon|clinic|hospital|dental|bank|gallery|studio|center|centre|theatre|theater|museum|school|academy|university|college|institute|foundation|association|agency|services|solutions|systems|technologies|labs|group|holdings|partners|consulting|inc|ltd|llc|gmbh|corp|corporation|company|plc)\b/i;

/** Whether a short text reads like a person's name ("Maria Lopez", "Jean-Luc de la Tour"). */
export function looksLikeName(text: string): boolean {
  const t = text.trim();
  return t.length >= 3 && t.length <= 60 && NAME.test(t) && !NOT_NAMES.test(t) && !BUSINESS.test(t);
}

/** Whether a short heading reads like a business's name: capitalised, short, with a business word. */
export function looksLikeBusiness(text: string): boolean {
  const t = text.trim();
  return t.length >= 3 && t.length <= 60 && /^[\p{Lu}\d]/u.test(t) && BUSINESS.test(t) && !/[.!?:]$/.test(t);
}

const CONTAINERS = 'li, tr, article, section, aside, address, dd, figure, [class*="card"], [class*="person"], [class*="member"], [class*="profile"], [class*="contact"], [class*="vcard"]';
const NAME_CARRIERS = 'h1, h2, h3, h4, h5, h6, strong, b, [class*="name"], [itemprop="name"]';

/** The closest block that holds one contact: a list item, a table row, a card. */
export function contactBlock(el: Element): Element | null {
  const block = el.closest(CONTAINERS);
  if (block && textOf(block).length <= 600) return block;
  return el.parentElement;
}

/** A business's name from the block around an element: a heading that reads as one (a listing, not a person). */
export function businessNear(el: Element): string | undefined {
  const block = contactBlock(el);
  if (!block) return undefined;
  for (const carrier of Array.from(block.querySelectorAll('h1, h2, h3, h4, h5, h6, [class*="name"], [itemprop="name"]'))) {
    const t = textOf(carrier);
    if (looksLikeBusiness(t)) return t;
  }
  return undefined;
}

/** A person's name from the block around an element: its heading or emphasised text. */
export function nameNear(el: Element): string | undefined {
  const block = contactBlock(el);
  if (!block) return undefined;
  for (const carrier of Array.from(block.querySelectorAll(NAME_CARRIERS))) {
    const t = textOf(carrier);
    if (looksLikeName(t)) return t;
  }
  return undefined;
}

export const TITLE_WORDS = /\b(ceo|cfo|cto|coo|cro|cmo|chief|founder|owner|president|vp|vice president|head|director|manager|lead|engineer|consultant|partner|officer|specialist|representative|executive|associate|analyst|coordinator|designer|developer|sales|marketing|account|professor|lecturer|dean|attorney|lawyer|counsel|broker|realtor|agent|physician|surgeon|dentist|pharmacist|nurse|editor|journalist|researcher|scientist|architect|accountant|recruiter|buyer|administrator|secretary|treasurer|chair|chairman|chairwoman|principal|superintendent)\b/i;

/** A job title in the block around an element: a short line with a title word that is not the name. */
export function titleNear(el: Element, name: string | undefined): string | undefined {
  const block = contactBlock(el);
  if (!block) return undefined;
  for (const node of Array.from(block.querySelectorAll('p, span, div, em, i, small, h3, h4, h5, h6, [class*="title"], [class*="role"], [class*="position"]'))) {
    if (node.children.length > 2) continue;
    const t = textOf(node);
    if (t && t !== name && t.length <= 80 && !t.includes('@') && TITLE_WORDS.test(t) && !/\d{3}/.test(t)) return t;
  }
  // "Noah Fischer — Support Lead — noah@… — +1 …": a row written as one line of text.
  for (const part of textOf(block).split(/\s[—–|·•]\s|\s-\s/)) {
    const t = part.trim();
    if (t && t !== name && t.length <= 60 && !t.includes('@') && !/\d{3}/.test(t) && !/\[at\]|\(at\)/i.test(t) && TITLE_WORDS.test(t)) return t;
  }
  return undefined;
}

const BLOCKS = /^(P|DIV|BR|LI|TR|H[1-6]|TABLE|UL|OL|BLOCKQUOTE|PRE|SECTION|ARTICLE|HEADER|FOOTER|ADDRESS|DT|DD|HR)$/;

/**
 * An element's visible text with a line break at each block and <br>, as a reader sees its lines.
 * `sourceLines` also keeps the line breaks written inside a text: a page of plain text lines.
 */
export function blockText(el: Element, sourceLines = false): string {
  const parts: string[] = [];
  const space = sourceLines ? /[ \t\r]+/g : /[ \t\r\n]+/g;
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) parts.push((child.nodeValue ?? '').replace(space, ' '));
      else if (child.nodeType === 1) {
        const tag = (child as Element).tagName.toUpperCase();
        if (SKIP_TAGS.has(tag)) continue;
        const block = BLOCKS.test(tag);
        if (block) parts.push('\n');
        walk(child);
        if (block) parts.push('\n');
      }
    }
  };
  walk(el);
  return parts.join('').split('\n').map((l) => l.trim()).join('\n').replace(/\n{3,}/g, '\n\n').trim();
}
