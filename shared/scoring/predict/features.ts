import { isFreeMailDomain } from '../../freemail.ts';
import { domainOf } from '../../normalize.ts';
import { parseAddress, phoneCountry } from '../checks/address.ts';
import { emailSyntaxProblem, isDisposableDomain, roleOf } from '../checks/email.ts';
import { phoneFacts } from '../checks/phone.ts';
import { seniorityOf } from '../rules/title.ts';
import type { ScoringInput } from '../types.ts';
import type { Features } from './naive-bayes.ts';

const bucket = (n: number, edges: readonly number[]): string => {
  let i = 0;
  while (i < edges.length && n >= (edges[i] ?? Infinity)) i++;
  if (i === 0) return `<${edges[0]}`;
  return i === edges.length ? `${edges[i - 1]}+` : `${edges[i - 1]}-${(edges[i] ?? 0) - 1}`;
};

/** A lead as the model sees it: a few discretised facts, each with a handful of values. */
export function leadFeatures(input: ScoringInput, engagement: number): Features {
  const { email, phone, title, company, address, enrichment, activities, source } = input;
  const domain = domainOf(email);
  const emailKind = !email ? 'none'
    : emailSyntaxProblem(email) ? 'malformed'
    : isDisposableDomain(domain ?? '') ? 'disposable'
    : roleOf(email) ? 'role'
    : isFreeMailDomain(domain) ? 'free-mail'
    : 'work';
  const parsed = phone ? phoneFacts(phone) : undefined;
  const phoneKind = !parsed ? 'none' : !parsed.ok || !parsed.valid ? 'invalid' : (parsed.type ?? 'unknown').toLowerCase();
  const country = (address ? parseAddress(address, phoneCountry(phone)).country : phoneCountry(phone)) ?? 'unknown';
  return {
    email: emailKind,
    phone: phoneKind,
    seniority: seniorityOf(title) ?? 'none',
    company: company ? 'known' : 'unknown',
    source: source?.kind ?? 'unknown',
    country,
    employees: enrichment?.employees === undefined ? 'unknown' : bucket(enrichment.employees, [10, 50, 200, 1000, 5000]),
    credit: enrichment?.creditRating ?? 'unknown',
    engagement: bucket(engagement, [1, 6, 11, 16]),
    activities: bucket(activities.length, [1, 2, 4, 8]),
  };
}

const FEATURE_LABELS: Readonly<Record<string, string>> = {
  email: 'Email', phone: 'Phone', seniority: 'Seniority', company: 'Company', source: 'Source', country: 'Country',
  employees: 'Employees', credit: 'Credit rating', engagement: 'Engagement points', activities: 'Activities',
};

export const factorLabel = (feature: string, value: string): string => `${FEATURE_LABELS[feature] ?? feature}: ${value}`;
