// schema.org things (from JSON-LD, microdata or RDFa, all turned into the same plain objects)
// to candidates. One mapping for the three syntaxes, so they agree on what a contact is.
import { makeCandidate } from './candidate.ts';
import type { Candidate, Extractor, ExtractContext } from './types.ts';

export type Thing = { [key: string]: unknown };
export interface Placed {
  anchor?: Element;
  block?: Element;
}

const PERSON_TYPES = new Set(['person', 'patient']);
// Things that carry contact data but are not themselves someone a rep calls.
const NOT_CONTACTS = new Set(['postaladdress', 'contactpoint', 'geocoordinates', 'imageobject', 'offer', 'aggregaterating', 'review', 'rating', 'openinghoursspecification', 'webpage', 'website', 'breadcrumblist', 'searchaction', 'propertyvalue', 'monetaryamount']);
// Relations from an organisation to the people who work there.
const STAFF = ['employee', 'employees', 'member', 'members', 'founder', 'founders', 'contactPoint', 'alumni'];

export const isThing = (v: unknown): v is Thing => typeof v === 'object' && v !== null && !Array.isArray(v);

export function typesOf(thing: Thing): string[] {
  const t = thing['@type'] ?? thing['type'];
  const list = Array.isArray(t) ? t : [t];
  // "schema:Person", "http://schema.org/Person" and "Person" are one type.
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/#:]/, '').toLowerCase());
}

const all = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

/** The first value of a property as text: a string, a number, or a nested thing's name or @value. */
export function textValue(v: unknown): string | undefined {
  for (const item of all(v)) {
    if (typeof item === 'string' && item.trim() !== '') return item;
    if (typeof item === 'number') return String(item);
    if (isThing(item)) {
      const inner = textValue(item['@value']) ?? textValue(item['name']) ?? textValue(item['@id']);
      if (inner) return inner;
    }
  }
  return undefined;
}

export function nameOf(thing: Thing): string | undefined {
  const name = textValue(thing['name']) ?? textValue(thing['legalName']);
  if (name) return name;
  const parts = [thing['honorificPrefix'], thing['givenName'], thing['additionalName'], thing['familyName']].map(textValue).filter(Boolean);
  return parts.length > 1 || (parts.length === 1 && textValue(thing['familyName'])) ? parts.join(' ') : undefined;
}

export function addressOf(v: unknown): string | undefined {
  for (const item of all(v)) {
    if (typeof item === 'string' && item.trim()) return item;
    if (!isThing(item)) continue;
    const street = [textValue(item['streetAddress']), textValue(item['extendedAddress'])].filter(Boolean).join(', ');
    const region = [textValue(item['addressRegion']), textValue(item['postalCode'])].filter(Boolean).join(' ');
    const parts = [street, textValue(item['addressLocality']), region, textValue(item['addressCountry'])].filter((p) => p);
    if (parts.length > 0) return parts.join(', ');
    const nested = addressOf(item['address']);
    if (nested) return nested;
  }
  return undefined;
}

/** Telephone or email of a thing, or of its first contact point that has one. */
function contactValue(thing: Thing, key: 'telephone' | 'email'): string | undefined {
  const own = textValue(thing[key]);
  if (own) return own;
  for (const point of all(thing['contactPoint'])) if (isThing(point) && textValue(point[key])) return textValue(point[key]);
  return undefined;
}

/** Every telephone of a thing and of its contact points, in the order they are written. */
function telephones(thing: Thing): string[] {
  const out: string[] = [];
  for (const source of [thing, ...all(thing['contactPoint'])]) {
    if (!isThing(source)) continue;
    for (const v of all(source['telephone'])) {
      const text = textValue(v);
      if (text && !out.includes(text)) out.push(text);
    }
  }
  return out;
}

function orgName(v: unknown): string | undefined {
  for (const item of all(v)) {
    if (typeof item === 'string' && item.trim() && !/^https?:/i.test(item)) return item;
    if (isThing(item)) {
      const name = nameOf(item);
      if (name) return name;
    }
  }
  return undefined;
}

function isPerson(thing: Thing): boolean {
  return typesOf(thing).some((t) => PERSON_TYPES.has(t));
}

function isContactless(thing: Thing): boolean {
  const types = typesOf(thing);
  // Events (and their subtypes) have a place and an organiser, but are not themselves contacts.
  return types.length > 0 && types.every((t) => NOT_CONTACTS.has(t) || t.endsWith('event'));
}

/**
 * Every person and organisation in a tree of things, as candidates. People get their employer
 * from worksFor/affiliation, or from the organisation that lists them as staff.
 */
export function thingsToCandidates(roots: unknown[], extractor: string, ctx: ExtractContext, place: (thing: Thing) => Placed, confidence: number): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<Thing>();
  const visit = (value: unknown, employer: string | undefined, depth: number, rel = '') => {
    if (depth > 12) return;
    for (const item of all(value)) {
      if (Array.isArray(item)) visit(item, employer, depth + 1);
      if (!isThing(item) || seen.has(item)) continue;
      seen.add(item);
      if (Array.isArray(item['@graph'])) visit(item['@graph'], employer, depth + 1);
      const where = place(item);
      if (isPerson(item)) {
        const company = orgName(item['worksFor']) ?? orgName(item['affiliation']) ?? orgName(item['memberOf']) ?? employer;
        const c = makeCandidate(extractor, ctx, {
          name: nameOf(item),
          email: contactValue(item, 'email'),
          phone: contactValue(item, 'telephone'),
          otherPhones: telephones(item),
          title: textValue(item['jobTitle']) ?? (typeof item['hasOccupation'] === 'string' ? item['hasOccupation'] : undefined),
          company,
          website: textValue(item['url']),
          address: addressOf(item['address']) ?? addressOf(item['homeLocation']) ?? addressOf(item['workLocation']),
        }, confidence, { ...where, placement: 'append' });
        if (c.name || c.email || c.phone) out.push(c);
        for (const [key, v] of Object.entries(item)) if (key !== '@graph') visit(v, company, depth + 1);
      } else if (!isContactless(item)) {
        const name = nameOf(item);
        const email = contactValue(item, 'email');
        const phone = contactValue(item, 'telephone');
        const otherPhones = telephones(item);
        const address = addressOf(item['address']) ?? addressOf(item['location']);
        // A business with a way to reach it is a lead, even before a person there is known.
        // An event's venue is where it happens, not someone to sell to: it needs a phone or email.
        if (name && (email || phone || (address && rel !== 'location'))) {
          const c = makeCandidate(extractor, ctx, { company: name, email, phone, otherPhones, website: textValue(item['url']), address }, confidence, { ...where, placement: 'append' });
          // Kept even when its phone is not a dialable number: the business is still named on the page.
          if (c.company) out.push(c);
        }
        for (const [key, v] of Object.entries(item)) {
          if (key === '@graph') continue;
          visit(v, STAFF.includes(key) ? (name ?? employer) : employer, depth + 1, key);
        }
      } else {
        for (const [key, v] of Object.entries(item)) if (key !== '@graph') visit(v, employer, depth + 1, key);
      }
    }
  };
  visit(roots, undefined, 0);
  return out;
}

/** An extractor built from a function that turns a root into schema.org things. */
export function schemaOrgExtractor(id: string, confidence: number, read: (root: ParentNode, ctx: ExtractContext) => { things: unknown[]; place(thing: Thing): Placed }): Extractor {
  return {
    id,
    extract(root, ctx) {
      const { things, place } = read(root, ctx);
      return thingsToCandidates(things, id, ctx, place, confidence);
    },
  };
}
