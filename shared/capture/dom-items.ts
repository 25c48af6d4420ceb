// Reads microdata (itemscope/itemprop) and RDFa (typeof/property) items into plain schema.org
// things, remembering the element of each so a badge can sit beside it.
import { isSkipped } from './dom.ts';
import type { Thing } from './schema-org.ts';

export interface ItemSyntax {
  /** Attribute that starts an item: itemscope / typeof. */
  scope: string;
  /** Attribute holding the item's type: itemtype / typeof. */
  type: string;
  /** Attribute naming properties: itemprop / property. */
  prop: string;
}

export const MICRODATA: ItemSyntax = { scope: 'itemscope', type: 'itemtype', prop: 'itemprop' };
export const RDFA: ItemSyntax = { scope: 'typeof', type: 'typeof', prop: 'property' };

// Properties whose value is a link target when written on a link; any other reads its text.
const LINK_PROPS = new Set(['url', 'sameas', 'email', 'telephone', 'image', 'logo', 'faxnumber', 'contacturl', 'mainentityofpage']);
const SRC_TAGS = new Set(['IMG', 'AUDIO', 'VIDEO', 'SOURCE', 'IFRAME', 'EMBED', 'TRACK']);

const propName = (raw: string): string => raw.replace(/^.*[/#:]/, '');

function valueOf(el: Element, prop: string): string {
  const content = el.getAttribute('content');
  if (content !== null) return content;
  const tag = el.tagName.toUpperCase();
  const linky = LINK_PROPS.has(prop.toLowerCase());
  if ((tag === 'A' || tag === 'AREA' || tag === 'LINK') && (linky || tag === 'LINK')) return el.getAttribute('href') ?? '';
  if (SRC_TAGS.has(tag)) return el.getAttribute('src') ?? '';
  if (tag === 'TIME') return el.getAttribute('datetime') ?? el.textContent ?? '';
  if (tag === 'DATA' || tag === 'METER') return el.getAttribute('value') ?? '';
  const resource = el.getAttribute('resource') ?? el.getAttribute('href');
  if (linky && resource) return resource;
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function add(thing: Thing, key: string, value: unknown): void {
  const prior = thing[key];
  thing[key] = prior === undefined ? value : Array.isArray(prior) ? [...prior, value] : [prior, value];
}

/** Every top-level item under root, as things, with the element each came from. */
export function readItems(root: ParentNode, syntax: ItemSyntax): { things: Thing[]; elementOf: Map<Thing, Element> } {
  const elementOf = new Map<Thing, Element>();
  const readItem = (el: Element, depth: number): Thing => {
    const thing: Thing = {};
    const type = el.getAttribute(syntax.type);
    if (type) thing['@type'] = type.trim().split(/\s+/);
    elementOf.set(thing, el);
    if (depth < 10) collect(el, thing, depth);
    return thing;
  };
  const collect = (el: Element, thing: Thing, depth: number) => {
    for (const child of Array.from(el.children)) {
      const props = child.getAttribute(syntax.prop);
      const nested = child.hasAttribute(syntax.scope);
      if (props) {
        const names = props.trim().split(/\s+/).map(propName);
        const value = nested ? readItem(child, depth + 1) : undefined;
        for (const name of names) add(thing, name, value ?? valueOf(child, name));
      }
      if (!nested) collect(child, thing, depth);
    }
  };
  const things: Thing[] = [];
  for (const el of Array.from(root.querySelectorAll(`[${syntax.scope}]`))) {
    if (el.hasAttribute(syntax.prop) && el.parentElement?.closest(`[${syntax.scope}]`)) continue;
    if (isSkipped(el)) continue;
    // An item inside another item without a property is still its own top-level item.
    things.push(readItem(el, 0));
  }
  return { things, elementOf };
}
