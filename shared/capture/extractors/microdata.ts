import { MICRODATA, readItems } from '../dom-items.ts';
import { schemaOrgExtractor } from '../schema-org.ts';

/** schema.org microdata: itemscope, itemtype and itemprop. */
export const microdata = schemaOrgExtractor('microdata', 0.9, (root) => {
  const { things, elementOf } = readItems(root, MICRODATA);
  return {
    things,
    place: (thing) => {
      const el = elementOf.get(thing);
      return el ? { anchor: el, block: el } : {};
    },
  };
});
