import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_RULES, fitRules, scoringRules, type Firmographics } from '../schemas/scoring.ts';
import { SCORING_RULES } from './registry.ts';
import type { RuleHit, RuleInput } from './types.ts';

const NOW = new Date('2025-06-15T12:00:00.000Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();
const input = (fields: Partial<RuleInput> = {}): RuleInput => ({ activities: [], now: NOW, rules: DEFAULT_SCORING_RULES, ...fields });
const withFit = (fit: Record<string, unknown>) => scoringRules.parse({ fit });
const run = (id: string, fields: Partial<RuleInput>): RuleHit[] => {
  const rule = SCORING_RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  const out = rule.evaluate(input(fields));
  return out === null ? [] : Array.isArray(out) ? out : [out];
};
type Row = [string, Partial<RuleInput>, RuleHit[]];

describe.each<[string, Row[]]>([
  ['email-syntax', [
    ['no email', {}, []],
    ['a plain address', { email: 'maria@acme.com' }, [{ label: 'Email address well-formed', points: 4, status: 'valid' }]],
    ['a plus tag and dots', { email: 'maria.lopez+crm@mail.acme.co.uk' }, [{ label: 'Email address well-formed', points: 4, status: 'valid' }]],
    ['two dots in a row', { email: 'maria..lopez@acme.com' }, [{ label: 'Email address malformed: has two dots in a row', points: 0, status: 'invalid' }]],
    ['no top-level domain', { email: 'maria@localhost' }, [{ label: 'Email address malformed: has a domain without a dot', points: 0, status: 'invalid' }]],
    ['a space', { email: 'maria lopez@acme.com' }, [{ label: 'Email address malformed: has the character " " before the @', points: 0, status: 'invalid' }]],
    ['a hyphen at a label edge', { email: 'm@-acme.com' }, [{ label: 'Email address malformed: has a domain part that starts or ends with a hyphen', points: 0, status: 'invalid' }]],
    ['two @', { email: 'a@b@acme.com' }, [{ label: 'Email address malformed: has more than one @', points: 0, status: 'invalid' }]],
    ['a numeric TLD', { email: 'a@10.0.0.1' }, [{ label: 'Email address malformed: has no valid top-level domain', points: 0, status: 'invalid' }]],
  ]],
  ['email-disposable', [
    ['a company address', { email: 'maria@acme.com' }, []],
    ['mailinator', { email: 'x@mailinator.com' }, [{ label: 'Disposable email domain (mailinator.com)', points: -4, status: 'invalid' }]],
    ['a subdomain of a disposable domain', { email: 'x@eu.mailinator.com' }, [{ label: 'Disposable email domain (eu.mailinator.com)', points: -4, status: 'invalid' }]],
    ['a malformed address is left to the syntax rule', { email: 'x@@mailinator.com' }, []],
  ]],
  ['email-role', [
    ['a person', { email: 'maria@acme.com' }, []],
    ['info@', { email: 'info@acme.com' }, [{ label: 'Role address (info@), not a person', points: -6, status: 'risky' }]],
    ['no-reply@', { email: 'no-reply@acme.com' }, [{ label: 'Role address (no-reply@), not a person', points: -6, status: 'risky' }]],
    ['sales+eu@', { email: 'sales+eu@acme.com' }, [{ label: 'Role address (sales@), not a person', points: -6, status: 'risky' }]],
  ]],
  ['email-domain', [
    ['free-mail', { email: 'maria@gmail.com' }, [{ label: 'Personal free-mail address', points: 2, status: 'risky' }]],
    ['work, no website', { email: 'maria@acme.com' }, [{ label: 'Work email', points: 8, status: 'valid' }]],
    ['work, the website’s domain', { email: 'maria@acme.com', website: 'https://www.acme.com' }, [{ label: 'Work email on the company website’s domain', points: 10, status: 'valid' }]],
    ['work, a subdomain of the website', { email: 'maria@eu.acme.com', website: 'https://acme.com' }, [{ label: 'Work email on the company website’s domain', points: 10, status: 'valid' }]],
    ['work, another domain', { email: 'maria@acme.com', website: 'https://other.com' }, [{ label: 'Work email on another domain than the website (other.com)', points: 5, status: 'risky' }]],
    ['disposable is left to its own rule', { email: 'x@mailinator.com' }, []],
  ]],
  ['phone-validity', [
    ['no phone', {}, []],
    ['a valid US number', { phone: '+14155550132' }, [{ label: 'Valid phone number (US)', points: 6, status: 'valid' }]],
    ['a UK number not valid in its region', { phone: '+447700900123' }, [{ label: 'Phone number not valid for its region', points: 0, status: 'invalid' }]],
    ['an impossible number', { phone: '+1234' }, [{ label: 'Phone number is not a possible phone number', points: 0, status: 'invalid' }]],
  ]],
  ['phone-type', [
    ['a UK mobile', { phone: '+447400123456' }, [{ label: 'Mobile phone: reaches the person', points: 8, status: 'valid' }]],
    ['a German landline', { phone: '+493012345678' }, [{ label: 'Landline', points: 6, status: 'valid' }]],
    ['a US number (fixed or mobile)', { phone: '+14155550132' }, [{ label: 'Landline or mobile', points: 6, status: 'valid' }]],
    ['a US toll-free number', { phone: '+18005550199' }, [{ label: 'Toll-free number: a switchboard, not a person', points: 1, status: 'risky' }]],
    ['a UK VoIP number', { phone: '+445612345678' }, [{ label: 'VoIP number', points: 3, status: 'risky' }]],
    ['an invalid number is left to the validity rule', { phone: '+447700900123' }, []],
  ]],
  ['name', [
    ['no name', {}, []],
    ['a full name', { name: 'Maria Lopez' }, [{ label: 'Full name', points: 8, status: 'valid' }]],
    ['a name in another script', { name: 'Мария Лопес' }, [{ label: 'Full name', points: 8, status: 'valid' }]],
    ['a first name', { name: 'Maria' }, [{ label: 'First name only', points: 4, status: 'risky' }]],
    ['capitals', { name: 'MARIA LOPEZ' }, [{ label: 'Name in capitals', points: 4, status: 'risky' }]],
    ['the email’s local part', { name: 'mlopez', email: 'mlopez@acme.com' }, [{ label: 'Name is only the email’s local part', points: 2, status: 'risky' }]],
    ['a dotted handle', { name: 'maria.lopez' }, [{ label: 'Name is only the email’s local part', points: 2, status: 'risky' }]],
    ['test data', { name: 'test' }, [{ label: 'Name looks like test data', points: 0, status: 'invalid' }]],
    ['Test Test', { name: 'Test Test' }, [{ label: 'Name looks like test data', points: 0, status: 'invalid' }]],
    ['N/A', { name: 'N/A' }, [{ label: 'Name looks like test data', points: 0, status: 'invalid' }]],
    ['no letters', { name: '12345' }, [{ label: 'Name has no letters', points: 0, status: 'invalid' }]],
    ['digits', { name: 'Maria Lopez 2' }, [{ label: 'Name contains digits', points: 2, status: 'risky' }]],
  ]],
  ['title-present', [
    ['no title', {}, []],
    ['a title', { title: 'VP Sales' }, [{ label: 'Job title given', points: 2, status: 'valid' }]],
    ['punctuation only', { title: '--' }, [{ label: 'Job title has no words', points: 0, status: 'invalid' }]],
  ]],
  ['address-complete', [
    ['no address', {}, []],
    ['a complete US address', { address: '1 Main St, San Francisco, CA 94105, USA' }, [{ label: 'Complete address', points: 4, status: 'valid' }]],
    ['a complete German address', { address: 'Unter den Linden 5, 10117 Berlin, Germany' }, [{ label: 'Complete address', points: 4, status: 'valid' }]],
    ['no postal code or country', { address: '1 Main St, San Francisco' }, [{ label: 'Address lacks postal code, country', points: 2, status: 'risky' }]],
    ['a city alone', { address: 'Berlin' }, [{ label: 'Address lacks street, postal code, country', points: 0, status: 'invalid' }]],
  ]],
  ['address-postcode', [
    ['a US ZIP', { address: '1 Main St, San Francisco, CA 94105, USA' }, [{ label: 'Postal code shaped right for US', points: 2, status: 'valid' }]],
    ['a UK postcode', { address: '10 Downing Street, London SW1A 2AA, United Kingdom' }, [{ label: 'Postal code shaped right for GB', points: 2, status: 'valid' }]],
    ['a Dutch postcode', { address: 'Keizersgracht 1, 1015 CJ Amsterdam, Netherlands' }, [{ label: 'Postal code shaped right for NL', points: 2, status: 'valid' }]],
    ['a French code one digit short', { address: 'Rue de Rivoli 3, 7500 Paris, France' }, [{ label: 'Postal code 7500 is not shaped like a FR one', points: 0, status: 'invalid' }]],
    ['the country from the phone', { address: '1 Main St, Springfield 1234', phone: '+14155550132' }, [{ label: 'Postal code 1234 is not shaped like a US one', points: 0, status: 'invalid' }]],
    ['no country known', { address: '1 Main St, Springfield 62701' }, []],
  ]],
  ['title', [
    ['no title', {}, []],
    ['CEO', { title: 'CEO' }, [{ label: 'C-level or founder title', points: 22 }]],
    ['Co-Founder & CTO', { title: 'Co-Founder & CTO' }, [{ label: 'C-level or founder title', points: 22 }]],
    ['President', { title: 'President' }, [{ label: 'C-level or founder title', points: 22 }]],
    ['Vice President of Sales', { title: 'Vice President of Sales' }, [{ label: 'Vice president title', points: 18 }]],
    ['SVP, Marketing', { title: 'SVP, Marketing' }, [{ label: 'Vice president title', points: 18 }]],
    ['Head of Operations', { title: 'Head of Operations' }, [{ label: 'Head or director title', points: 14 }]],
    ['Director of Marketing', { title: 'Director of Marketing' }, [{ label: 'Head or director title', points: 14 }]],
    ['Procurement Manager', { title: 'Procurement Manager' }, [{ label: 'Manager title', points: 8 }]],
    ['Software Engineer', { title: 'Software Engineer' }, [{ label: 'Individual contributor title', points: 3 }]],
    ['a team’s own points', { title: 'VP Sales', rules: withFit({ seniority: { cLevel: 5, vp: 30, headOrDirector: 1, manager: 1, individual: 0 } }) }, [{ label: 'Vice president title', points: 30 }]],
  ]],
  ['company', [
    ['nothing', {}, []],
    ['company and website', { company: 'Acme', website: 'https://acme.com' }, [{ label: 'Company known', points: 6 }, { label: 'Company website known', points: 4 }]],
  ]],
  ['target-account', [
    ['no targets configured', { company: 'Acme' }, []],
    ['by name, any case', { company: 'ACME', rules: withFit({ targetCompanies: { names: ['Acme'], domains: [], points: 12 } }) }, [{ label: 'Target account (Acme)', points: 12 }]],
    ['by email domain', { email: 'a@eu.acme.com', rules: withFit({ targetCompanies: { names: [], domains: ['acme.com'], points: 9 } }) }, [{ label: 'Target account (acme.com)', points: 9 }]],
    ['not a target', { company: 'Other', email: 'a@other.com', rules: withFit({ targetCompanies: { names: ['Acme'], domains: ['acme.com'], points: 12 } }) }, []],
  ]],
  ['industry', [
    ['no enrichment', { rules: withFit({ targetIndustries: { values: ['Software'], points: 10 } }) }, []],
    ['a target industry', { enrichment: { domain: 'acme.com', industry: 'software' }, rules: withFit({ targetIndustries: { values: ['Software'], points: 10 } }) }, [{ label: 'Target industry (software)', points: 10 }]],
    ['another industry', { enrichment: { domain: 'acme.com', industry: 'Retail' }, rules: withFit({ targetIndustries: { values: ['Software'], points: 10 } }) }, []],
  ]],
  ['territory', [
    ['no territories', { address: '1 Main St, Austin, TX 78701, USA' }, []],
    ['a listed country', { address: 'Unter den Linden 5, 10117 Berlin, Germany', rules: withFit({ territories: { countries: ['de'], regions: [], points: 8, outsidePoints: -4 } }) }, [{ label: 'In territory (DE)', points: 8 }]],
    ['a country from the phone', { phone: '+493012345678', rules: withFit({ territories: { countries: ['DE'], regions: [], points: 8, outsidePoints: -4 } }) }, [{ label: 'In territory (DE)', points: 8 }]],
    ['a region in the address', { address: '1 Main St, Austin, TX 78701, USA', rules: withFit({ territories: { countries: [], regions: ['TX'], points: 7, outsidePoints: 0 } }) }, [{ label: 'In territory (TX)', points: 7 }]],
    ['outside', { address: '1 Main St, Austin, TX 78701, USA', rules: withFit({ territories: { countries: ['DE'], regions: [], points: 8, outsidePoints: -4 } }) }, [{ label: 'Outside the territories (US)', points: -4 }]],
    ['nowhere known', { rules: withFit({ territories: { countries: ['DE'], regions: [], points: 8, outsidePoints: -4 } }) }, []],
  ]],
  ['company-size', [
    ['no enrichment', {}, []],
    ['a large company', { enrichment: { domain: 'acme.com', employees: 5000 } }, [{ label: '5,000 employees', points: 10 }]],
    ['a small company', { enrichment: { domain: 'acme.com', employees: 12 } }, [{ label: '12 employees', points: 2 }]],
    ['no employees known', { enrichment: { domain: 'acme.com', employees: 0 } }, []],
  ]],
  ['credit', [
    ['no enrichment', {}, []],
    ['a good rating and revenue', { enrichment: { domain: 'acme.com', creditRating: 'A', revenueBand: '100M+' } satisfies Firmographics }, [{ label: 'Credit rating A', points: 6 }, { label: 'Revenue 100M+', points: 6 }]],
    ['a poor rating', { enrichment: { domain: 'acme.com', creditRating: 'D' } }, [{ label: 'Credit rating D', points: -6 }]],
    ['a band the rules do not list', { enrichment: { domain: 'acme.com', revenueBand: '<1M' } }, [{ label: 'Revenue <1M', points: 0 }]],
  ]],
  ['engagement', [
    ['no activities', {}, []],
    ['a meeting today', { activities: [{ type: 'meeting', at: daysAgo(0) }] }, [{ label: '1 activity, recent ones weigh most (half-life 14 days)', points: 10 }]],
    ['a meeting a fortnight ago counts half', { activities: [{ type: 'meeting', at: daysAgo(14) }] }, [{ label: '1 activity, recent ones weigh most (half-life 14 days)', points: 5 }]],
    ['a 7-day half-life', { activities: [{ type: 'meeting', at: daysAgo(14) }], rules: scoringRules.parse({ engagement: { halfLifeDays: 7 } }) }, [{ label: '1 activity, recent ones weigh most (half-life 7 days)', points: 3 }]],
    ['a connected call and one not answered', { activities: [{ type: 'call', outcome: 'connected', at: daysAgo(0) }, { type: 'call', outcome: 'no_answer', at: daysAgo(0) }] }, [{ label: '2 activities, recent ones weigh most (half-life 14 days)', points: 8 }]],
    ['an email replied to', { activities: [{ type: 'email', outcome: 'replied', at: daysAgo(0) }] }, [{ label: '1 activity, recent ones weigh most (half-life 14 days)', points: 8 }]],
    ['a future date counts as now', { activities: [{ type: 'meeting', at: daysAgo(-3) }] }, [{ label: '1 activity, recent ones weigh most (half-life 14 days)', points: 10 }]],
    ['inactivity costs points', { activities: [{ type: 'meeting', at: daysAgo(0) }, { type: 'meeting', at: daysAgo(1) }, { type: 'meeting', at: daysAgo(2) }].map((a) => ({ ...a, at: new Date(Date.parse(a.at) - 40 * 86_400_000).toISOString() })) }, [{ label: '3 activities, recent ones weigh most (half-life 14 days)', points: 4 }, { label: 'No activity for 40 days', points: -4 }]],
  ]],
])('rule %s', (id, rows) => {
  it.each(rows)('%s', (_what, fields, expected) => {
    const hits = run(id, fields);
    expect(hits).toEqual(expected);
  });
});

describe('fit rules as data', () => {
  it('fills every default from an empty object', () => {
    expect(fitRules.parse({})).toEqual(DEFAULT_SCORING_RULES.fit);
  });
  it.each<[string, unknown, string]>([
    ['points out of range', { seniority: { cLevel: 500, vp: 1, headOrDirector: 1, manager: 1, individual: 1 } }, 'seniority.cLevel'],
    ['a country that is not a code', { territories: { countries: ['Germany'], regions: [], points: 1, outsidePoints: 0 } }, 'territories.countries.0'],
    ['a size band below 0', { companySize: [{ min: -1, points: 1 }] }, 'companySize.0.min'],
  ])('rejects %s, naming the field', (_what, value, path) => {
    const r = fitRules.safeParse(value);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});
