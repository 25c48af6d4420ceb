import type { ContactField, Source } from '../schemas/lead.ts';

/** The contact fields a capture can find; `linkedin` is a LinkedIn-style profile URL. */
export type ContactFields = { [F in CandidateField]?: string };

/** A contact found on a page or in a message, before it is captured. */
export interface Candidate extends ContactFields {
  source: Source;
  /** 0–1: how sure the extractor is that this is a real contact. */
  confidence: number;
  /** Further numbers the same contact lists ("Telephone: +34 983 878 011, +34 659 843 463"); the rep picks one. */
  otherPhones?: string[];
  /** Which extractor found each field. */
  provenance: Partial<Record<CandidateField, string>>;
  /** The element a badge goes beside, when there is one. */
  anchor?: Element;
  /** `after`: the badge follows the anchor; `append`: it ends the anchor's content. */
  placement?: 'after' | 'append';
  /** The card, row or list item that holds this contact: candidates of one block are one person. */
  block?: Element;
}

export type CandidateField = ContactField | 'linkedin';
export const CANDIDATE_FIELDS: readonly CandidateField[] = ['name', 'email', 'phone', 'title', 'company', 'website', 'address', 'linkedin'];

export interface ExtractContext {
  /** The page's URL, for the source and for resolving relative links. */
  url: string;
  /** The default region for phone numbers written without a country code. */
  region: string;
}

/** One extractor: a file in extractors/, listed once in registry.ts. Reads only the root it is given. */
export interface Extractor {
  id: string;
  extract(root: ParentNode, ctx: ExtractContext): Candidate[];
  /**
   * The same work cut into slices, for an extractor that walks the whole page: it yields between
   * slices so the content script can give the page its main thread back, and returns what
   * `extract` would.
   */
  slices?(root: ParentNode, ctx: ExtractContext): Generator<void, Candidate[]>;
}

/** Runs a sliced extraction to its end, at once (the command line, tests). */
export function runSlices<T>(work: Generator<void, T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}
