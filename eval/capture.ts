// `npm run eval:capture`: recall and precision of the capture engine per field, over the team's
// third-party corpus (../shared/corpus): the schema.org examples (plain, microdata and RDFa
// markup against the example's JSON-LD) and talon's email signatures. Skips when it is absent.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { nameKey, normalisePhone } from '../shared/normalize.ts';
import { addressOf, isThing, nameOf, textValue, typesOf, type Thing } from '../shared/capture/schema-org.ts';
import { findSignature, parseSignature } from '../shared/signature.ts';
import { extractHtml } from '../server/cli/extract.ts';
import { TALON_LABELS } from './labels.ts';

export const FIELDS = ['name', 'email', 'phone', 'title', 'company'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, Set<string>>;

// `--misses` lists, per example, what was missed and what was found in excess.
const SHOW_MISSES = process.argv.includes('--misses');
const CORPUS = new URL('../../shared/corpus/', import.meta.url).pathname;
/** Phones in the truth that are not possible numbers anywhere: no extractor may keep them. */
export const IMPOSSIBLE = new Set<string>();
const empty = (): Values => ({ name: new Set(), email: new Set(), phone: new Set(), title: new Set(), company: new Set() });

/** The form two spellings of one value share. */
export function key(field: Field, value: string): string {
  if (field === 'email') return value.replace(/^mailto:/i, '').trim().toLowerCase();
  if (field === 'phone') {
    const parsed = normalisePhone(value, 'US');
    return (parsed.ok ? parsed.e164 : value).replace(/\D/g, '').slice(-10);
  }
  return nameKey(value);
}

const NOT_ORGS = new Set(['person', 'postaladdress', 'contactpoint', 'place', 'offer', 'event', 'product', 'review', 'rating', 'aggregaterating', 'geocoordinates', 'imageobject']);

/** The truth of one example: people's names, titles and employers, and every email and phone. */
export function truthOf(json: unknown): Values {
  const out = empty();
  const add = (field: Field, v: string | undefined) => v && out[field].add(key(field, v));
  const visit = (v: unknown, rel: string) => {
    if (Array.isArray(v)) return v.forEach((x) => visit(x, rel));
    if (!isThing(v)) return;
    const thing = v as Thing;
    const types = typesOf(thing);
    if (types.includes('person')) {
      add('name', nameOf(thing));
      add('title', textValue(thing['jobTitle']));
    } else if (types.length > 0 && !types.some((t) => NOT_ORGS.has(t))) {
      // An organisation counts when a person works for it, when it lists people as its staff, or when it can be contacted.
      const contactable = thing['telephone'] || thing['email'] || thing['contactPoint'] || addressOf(thing['address']);
      const staff = ['employee', 'member', 'founder'].some((k) => JSON.stringify(thing[k] ?? null).includes('"Person"'));
      if (['worksFor', 'affiliation', 'memberOf'].includes(rel) || contactable || staff) add('company', nameOf(thing));
    } else if (['worksFor', 'affiliation'].includes(rel) && typeof v === 'string') add('company', v);
    for (const x of [thing['email']].flat()) if (typeof x === 'string') add('email', x);
    for (const x of [thing['telephone']].flat()) {
      if (typeof x !== 'string') continue;
      // Numbers no phone system could dial (the examples' 555-0100-1110) are counted apart.
      if (normalisePhone(x, 'US').ok || normalisePhone(`+${x.replace(/\D/g, '')}`, 'US').ok) add('phone', x);
      else IMPOSSIBLE.add(x);
    }
    for (const [k, x] of Object.entries(thing)) visit(x, k);
  };
  visit(json, '');
  return out;
}

/** A person or organisation of an example, with the ways to reach it. */
interface Entity {
  names: string[];
  titles: string[];
  companies: string[];
  emails: string[];
  phones: string[];
}

/**
 * The truth a lead tool can be held to on one page: the people and organisations the page gives
 * a way to reach (one of their emails or phones is written in it), with their names, titles and
 * employers, and the emails and phones written in it. A lead needs an email or a phone (the API
 * refuses one without), so a painter named in a caption is no lead, while the truth above counts
 * every Person. Judged from the page's source, not from what any extractor finds.
 */
export function leadTruthOf(json: unknown, pageSource: string): Values {
  const entities: Entity[] = [];
  const entity = (): Entity => {
    const e: Entity = { names: [], titles: [], companies: [], emails: [], phones: [] };
    entities.push(e);
    return e;
  };
  const visit = (v: unknown, rel: string, owner: Entity | undefined) => {
    if (Array.isArray(v)) return v.forEach((x) => visit(x, rel, owner));
    if (!isThing(v)) {
      if (typeof v === 'string' && owner && ['worksFor', 'affiliation'].includes(rel)) owner.companies.push(v);
      return;
    }
    const thing = v as Thing;
    const types = typesOf(thing);
    const name = nameOf(thing);
    let self = owner;
    if (types.includes('person')) {
      self = entity();
      if (name) self.names.push(name);
      const title = textValue(thing['jobTitle']);
      if (title) self.titles.push(title);
      // Listed as an organisation's staff: that organisation is the person's employer.
      if (owner && ['employee', 'member', 'founder'].includes(rel)) self.companies.push(...owner.companies);
    } else if (types.length > 0 && !types.some((t) => NOT_ORGS.has(t))) {
      if (owner && name && ['worksFor', 'affiliation', 'memberOf'].includes(rel)) owner.companies.push(name);
      self = entity();
      if (name) self.companies.push(name);
    }
    const into = self ?? entity();
    for (const x of [thing['email']].flat()) if (typeof x === 'string') into.emails.push(x);
    for (const x of [thing['telephone']].flat()) if (typeof x === 'string' && !IMPOSSIBLE.has(x)) into.phones.push(x);
    for (const [k, x] of Object.entries(thing)) visit(x, k, into);
  };
  visit(json, '', undefined);

  const source = pageSource.toLowerCase();
  const digits = pageSource.replace(/\D/g, '');
  const emailOnPage = (e: string) => source.includes(key('email', e));
  const phoneOnPage = (p: string) => digits.includes(p.replace(/\D/g, '').slice(-7));
  const out = empty();
  for (const e of entities) {
    const emails = e.emails.filter(emailOnPage);
    const phones = e.phones.filter(phoneOnPage);
    if (emails.length === 0 && phones.length === 0) continue;
    for (const v of emails) out.email.add(key('email', v));
    for (const v of phones) out.phone.add(key('phone', v));
    for (const v of e.names) out.name.add(key('name', v));
    for (const v of e.titles) out.title.add(key('title', v));
    for (const v of e.companies) out.company.add(key('company', v));
  }
  return out;
}

export interface Tally {
  truth: number;
  found: number;
  hit: number;
  /** Found values true of the example, where recall is taken against part of it. */
  trueFound?: number;
}
export type Score = Record<Field, Tally>;
export const newScore = (): Score => Object.fromEntries(FIELDS.map((f) => [f, { truth: 0, found: 0, hit: 0 }])) as Score;

// The corpus README (caveat 2): an example's plain text and its JSON-LD sometimes differ slightly
// ("Google.Org" against "Google.org (GOOG)", secretariat@google.org against secretariat@example.com),
// so compare loosely. A name matches when all the words of one, at least two, are in the other; an
// email matches on its local part when the truth's domain is a documentation placeholder (RFC 2606).
const PLACEHOLDER = /@(?:example\.(?:com|org|net)|[a-z0-9.-]+\.example)$/;
const containsWords = (longer: string[], shorter: string[]) => shorter.length >= 2 && shorter.every((w) => longer.includes(w));

export function matches(field: Field, found: string, truth: ReadonlySet<string>): boolean {
  if (truth.has(found)) return true;
  if (field === 'email') {
    const local = found.split('@')[0];
    return [...truth].some((t) => PLACEHOLDER.test(t) && t.split('@')[0] === local);
  }
  if (field === 'phone') return false;
  const words = found.split(' ');
  return [...truth].some((t) => {
    const theirs = t.split(' ');
    return containsWords(theirs, words) || containsWords(words, theirs);
  });
}

/**
 * Recall over `want` (the truth, or the part of it a page offers as leads); precision over every
 * value true of the example, since a value the page offers as no lead is still not a wrong one.
 */
export function tally(score: Score, want: Values, found: Values, truth: Values = want): void {
  for (const f of FIELDS) {
    score[f].truth += want[f].size;
    score[f].found += found[f].size;
    score[f].hit += [...want[f]].filter((t) => [...found[f]].some((v) => matches(f, v, new Set([t])))).length;
    score[f].trueFound = (score[f].trueFound ?? 0) + [...found[f]].filter((v) => matches(f, v, truth[f]) || matches(f, v, want[f])).length;
  }
}

/** The emails and phones an example's own microdata declares: where its JSON-LD has a placeholder, they are the truth. */
export function declaredInMicrodata(html: string): { email: string[]; phone: string[] } {
  const out = { email: [] as string[], phone: [] as string[] };
  for (const m of html.matchAll(/<[^>]*itemprop="(email|telephone)"[^>]*>([^<]*)/g)) {
    const content = /content="([^"]*)"/.exec(m[0])?.[1] ?? /href="(?:mailto:|tel:)([^"]*)"/.exec(m[0])?.[1] ?? m[2] ?? '';
    if (content.trim()) out[m[1] === 'email' ? 'email' : 'phone'].push(content.trim());
  }
  return out;
}

function valuesOf(leads: (Partial<Record<Field, string>> & { otherPhones?: string[] })[]): Values {
  const out = empty();
  for (const lead of leads) {
    for (const f of FIELDS) if (lead[f]) out[f].add(key(f, lead[f]!));
    // A contact's further numbers are found too: the review card offers them to the rep.
    for (const phone of lead.otherPhones ?? []) out.phone.add(key('phone', phone));
  }
  return out;
}

const jsonOf = (file: string): unknown[] =>
  [...readFileSync(file, 'utf8').matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1] ?? 'null'));

type Format = 'plain' | 'microdata' | 'rdfa';

/** Each markup scored twice: against every value of the example, and against the leads its page offers. */
export async function evalSchemaOrg(): Promise<{ all: Record<Format, Score>; leads: Record<Format, Score> }> {
  const dir = `${CORPUS}schemaorg/`;
  const scores = { plain: newScore(), microdata: newScore(), rdfa: newScore() };
  const leadScores = { plain: newScore(), microdata: newScore(), rdfa: newScore() };
  const index = JSON.parse(readFileSync(`${dir}index.json`, 'utf8')) as { id: string; json_only?: boolean }[];
  const jsonOnly = new Set(index.filter((e) => e.json_only).map((e) => e.id));
  for (const id of readdirSync(dir).filter((d) => d.startsWith('eg-')).sort()) {
    const json = jsonOf(`${dir}${id}/expected.jsonld`);
    const truth = truthOf(json);
    const microdataFile = `${dir}${id}/microdata.html`;
    const declared = existsSync(microdataFile) ? declaredInMicrodata(readFileSync(microdataFile, 'utf8')) : { email: [], phone: [] };
    for (const v of declared.email) truth.email.add(key('email', v));
    for (const v of declared.phone) if (normalisePhone(v, 'US').ok) truth.phone.add(key('phone', v));
    for (const format of ['plain', 'microdata', 'rdfa'] as const) {
      const file = `${dir}${id}/${format}.html`;
      // A JSON-only example's plain.html is a sentence about it, not a page with its contacts.
      if (!existsSync(file) || (format === 'plain' && jsonOnly.has(id))) continue;
      const html = readFileSync(file, 'utf8');
      const leads = await extractHtml(html, { url: `https://schema.org/${id}`, region: 'US' });
      const found = valuesOf(leads);
      tally(scores[format], truth, found);
      // Precision stays judged against all of the example: a value the page offers as no lead is still true.
      const offered = leadTruthOf(json, html);
      const digits = html.replace(/\D/g, '');
      for (const v of declared.phone) if (normalisePhone(v, 'US').ok && digits.includes(v.replace(/\D/g, '').slice(-7))) offered.phone.add(key('phone', v));
      tally(leadScores[format], offered, found, truth);
      if (SHOW_MISSES) {
        for (const f of FIELDS) {
          const missed = [...truth[f]].filter((t) => ![...found[f]].some((v) => matches(f, v, new Set([t]))));
          const extra = [...found[f]].filter((v) => !matches(f, v, truth[f]));
          if (missed.length || extra.length) process.stdout.write(`${id} ${format} ${f}: missed ${JSON.stringify(missed)} extra ${JSON.stringify(extra)}\n`);
        }
      }
    }
  }
  return { all: scores, leads: leadScores };
}

export function evalTalon(): Score {
  const dir = `${CORPUS}talon/signature/emails/`;
  const score = newScore();
  for (const label of TALON_LABELS) {
    // The fixtures mark signature lines with "#sig#"; a real message has no such marks.
    const body = readFileSync(dir + label.body, 'utf8').replace(/^#(sig|reply)#/gm, '');
    const sender = label.sender ? readFileSync(dir + label.sender, 'utf8').trim() : undefined;
    const senderName = sender && !sender.includes('@') ? sender : undefined;
    const found = parseSignature(findSignature(body), { region: 'US', ...(senderName ? { senderName } : {}) });
    const truth = valuesOf([label.want]);
    tally(score, truth, valuesOf([found]));
  }
  return score;
}

const ratio = (a: number, b: number) => (b === 0 ? '   —' : (a / b).toFixed(2));

function print(title: string, score: Score): void {
  process.stdout.write(`\n${title}\n  field     recall  precision  (truth / found / truth found / found true)\n`);
  for (const f of FIELDS) {
    const t = score[f];
    process.stdout.write(`  ${f.padEnd(8)}  ${ratio(t.hit, t.truth).padStart(6)}  ${ratio(t.trueFound ?? t.hit, t.found).padStart(9)}  (${t.truth} / ${t.found} / ${t.hit} / ${t.trueFound ?? t.hit})\n`);
  }
}

export function sum(...scores: Score[]): Score {
  const out = newScore();
  for (const s of scores) {
    for (const f of FIELDS) {
      for (const k of ['truth', 'found', 'hit'] as const) out[f][k] += s[f][k];
      if (s[f].trueFound !== undefined) out[f].trueFound = (out[f].trueFound ?? 0) + s[f].trueFound;
    }
  }
  return out;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ''))) {
  if (!existsSync(CORPUS)) {
    process.stdout.write(`No corpus at ${CORPUS}: nothing to evaluate.\n`);
  } else {
    const { all: schema, leads } = await evalSchemaOrg();
    process.stdout.write('\n== Against every value of the examples\n');
    print('schema.org examples, microdata markup vs. expected JSON-LD', schema.microdata);
    print('schema.org examples, RDFa markup vs. expected JSON-LD', schema.rdfa);
    print('schema.org examples, plain markup (no structured data) vs. expected JSON-LD', schema.plain);
    print('schema.org, all three markups', sum(schema.microdata, schema.rdfa, schema.plain));
    process.stdout.write(
      '\n== Against the leads each page offers: people and organisations with an email or phone written in the page\n' +
        '   (recall over those; precision still over every value of the example)\n',
    );
    print('microdata', leads.microdata);
    print('RDFa', leads.rdfa);
    print('plain markup', leads.plain);
    print('all three markups', sum(leads.microdata, leads.rdfa, leads.plain));
    process.stdout.write(`\n(${IMPOSSIBLE.size} phone numbers of the examples are not possible numbers, e.g. ${[...IMPOSSIBLE][0] ?? ''}; they are left out of the truth)\n`);
    print('talon signatures (9 messages, fields labelled in eval/labels.ts)', evalTalon());
  }
}
