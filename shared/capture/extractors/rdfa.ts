import { RDFA, readItems } from '../dom-items.ts';
import { schemaOrgExtractor } from '../schema-org.ts';

/** schema.org in RDFa Lite: vocab, typeof and property (prefixes such as schema: are accepted). */
export const rdfa = schemaOrgExtractor('rdfa', 0.9, (root) => {
  const { things, elementOf } = readItems(root, RDFA);
  return {
    things,
    place: (thing) => {
      const el = elementOf.get(thing);
      return el ? { anchor: el, block: el } : {};
    },
  };
});
