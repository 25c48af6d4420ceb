import { isFreeMailDomain } from '../../shared/freemail.ts';
import { domainOf } from '../../shared/normalize.ts';
import { isDisposableDomain } from '../../shared/scoring/checks/email.ts';
import { enrichFrom, type EnrichmentProvider, type EnrichmentQuery } from '../../shared/scoring/enrichment.ts';
import type { Firmographics } from '../../shared/schemas/scoring.ts';
import type { Deps } from '../deps.ts';
import type { FirmographicsRepo } from '../repos/firmographics.ts';

/** The built-in provider: the firmographics CSV an admin loads with `leadsync enrich load FILE.csv`. */
export const csvFirmographicsProvider = (repo: FirmographicsRepo): EnrichmentProvider => ({
  id: 'firmographics-csv',
  enrich({ domain }) {
    const hit = domain ? repo.get(domain) : undefined;
    if (!hit) return undefined;
    const { id: _id, loadedAt: _at, ...row } = hit;
    return row;
  },
});

/** Every enrichment provider, asked in order. Another provider is a module implementing EnrichmentProvider and a line here. */
export const enrichmentProviders = (deps: Deps): EnrichmentProvider[] => [csvFirmographicsProvider(deps.repos.firmographics)];

/** The company's domain: its website's, else a work email's (a free-mail or throwaway domain says nothing about the company). */
export function enrichmentQuery(lead: { website?: string | undefined; email?: string | undefined; company?: string | undefined }): EnrichmentQuery {
  const fromEmail = domainOf(lead.email);
  const domain = domainOf(lead.website) ?? (fromEmail && !isFreeMailDomain(fromEmail) && !isDisposableDomain(fromEmail) ? fromEmail : undefined);
  return { domain, company: lead.company };
}

export const enrichLead = (providers: readonly EnrichmentProvider[], lead: Parameters<typeof enrichmentQuery>[0]): Firmographics | undefined =>
  enrichFrom(providers, enrichmentQuery(lead));
