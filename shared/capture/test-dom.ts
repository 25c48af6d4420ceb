// Test helpers: a real DOM (happy-dom) for extractor tests, and candidates reduced to their fields.
import { Window } from 'happy-dom';
import type { Candidate } from './types.ts';

export const PAGE_URL = 'https://acme.example/team';

export function dom(html: string, url = PAGE_URL): Document {
  const window = new Window({ url });
  window.document.write(html);
  return window.document as unknown as Document;
}

/** The contact fields only: what a rep would see. */
export const fieldsOf = (found: Candidate[]) =>
  found.map(({ anchor: _a, placement: _p, provenance: _v, source: _s, confidence: _c, block: _b, ...fields }) => fields);
