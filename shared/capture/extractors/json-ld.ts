import { schemaOrgExtractor } from '../schema-org.ts';

/** schema.org JSON-LD blocks: Person, Organization, LocalBusiness…, with @graph, nesting and arrays. */
export const jsonLd = schemaOrgExtractor('json-ld', 0.95, (root) => {
  const things: unknown[] = [];
  for (const script of Array.from(root.querySelectorAll('script[type="application/ld+json" i]'))) {
    try {
      things.push(JSON.parse(script.textContent ?? ''));
    } catch {
      // A broken block on someone else's page is theirs to fix; the other blocks still count.
    }
  }
  // JSON-LD is invisible: the merge step anchors these candidates on the text that shows them.
  return { things, place: () => ({}) };
});
