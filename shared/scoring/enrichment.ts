import type { Firmographics } from '../schemas/scoring.ts';

/** What a provider is asked about: the company's domain (from its website, else a work email) and name. */
export interface EnrichmentQuery {
  domain?: string | undefined;
  company?: string | undefined;
}

/**
 * A source of firmographics (the credit check). Scoring runs inside a synchronous transaction, so
 * `enrich` answers from what the provider holds; a provider that calls a remote service fills its
 * own cache ahead of time and answers from it.
 */
export interface EnrichmentProvider {
  id: string;
  enrich(query: EnrichmentQuery): Firmographics | undefined;
}

/** The first provider that knows the company wins, in the order given. */
export function enrichFrom(providers: readonly EnrichmentProvider[], query: EnrichmentQuery): Firmographics | undefined {
  for (const p of providers) {
    const hit = p.enrich(query);
    if (hit) return hit;
  }
  return undefined;
}
