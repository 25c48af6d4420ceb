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

export interface Tally {
  truth: number;
  found: number;
  hit: number;
}
export type Score = Record<Field, Tally>;
export const newScore = (): Score => Object.fromEntries(FIELDS.map((f) => [f, { truth: 0, found: 0, hit: 0 }])) as Score;

export function tally(score: Score, truth: Values, found: Values): void {
  for (const f of FIELDS) {
    score[f].truth += truth[f].size;
    score[f].found += found[f].size;
    score[f].hit += [...found[f]].filter((v) => truth[f].has(v)).length;
  }
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

export async function evalSchemaOrg(): Promise<Record<'plain' | 'microdata' | 'rdfa', Score>> {
  const dir = `${CORPUS}schemaorg/`;
  const scores = { plain: newScore(), microdata: newScore(), rdfa: newScore() };
  const index = JSON.parse(readFileSync(`${dir}index.json`, 'utf8')) as { id: string; json_only?: boolean }[];
  const jsonOnly = new Set(index.filter((e) => e.json_only).map((e) => e.id));
  for (const id of readdirSync(dir).filter((d) => d.startsWith('eg-')).sort()) {
    const truth = truthOf(jsonOf(`${dir}${id}/expected.jsonld`));
    for (const format of ['plain', 'microdata', 'rdfa'] as const) {
      const file = `${dir}${id}/${format}.html`;
      // A JSON-only example's plain.html is a sentence about it, not a page with its contacts.
      if (!existsSync(file) || (format === 'plain' && jsonOnly.has(id))) continue;
      const leads = await extractHtml(readFileSync(file, 'utf8'), { url: `https://schema.org/${id}`, region: 'US' });
      const found = valuesOf(leads);
      tally(scores[format], truth, found);
      if (SHOW_MISSES) {
        for (const f of FIELDS) {
          const missed = [...truth[f]].filter((v) => !found[f].has(v));
          const extra = [...found[f]].filter((v) => !truth[f].has(v));
          if (missed.length || extra.length) process.stdout.write(`${id} ${format} ${f}: missed ${JSON.stringify(missed)} extra ${JSON.stringify(extra)}\n`);
        }
      }
    }
  }
  return scores;
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
  process.stdout.write(`\n${title}\n  field     recall  precision  (truth / found / hit)\n`);
  for (const f of FIELDS) {
    const t = score[f];
    process.stdout.write(`  ${f.padEnd(8)}  ${ratio(t.hit, t.truth).padStart(6)}  ${ratio(t.hit, t.found).padStart(9)}  (${t.truth} / ${t.found} / ${t.hit})\n`);
  }
}

export function sum(...scores: Score[]): Score {
  const out = newScore();
  for (const s of scores) for (const f of FIELDS) for (const k of ['truth', 'found', 'hit'] as const) out[f][k] += s[f][k];
  return out;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ''))) {
  if (!existsSync(CORPUS)) {
    process.stdout.write(`No corpus at ${CORPUS}: nothing to evaluate.\n`);
  } else {
    const schema = await evalSchemaOrg();
    print('schema.org examples, microdata markup vs. expected JSON-LD', schema.microdata);
    print('schema.org examples, RDFa markup vs. expected JSON-LD', schema.rdfa);
    print('schema.org examples, plain markup (no structured data) vs. expected JSON-LD', schema.plain);
    print('schema.org, all three markups', sum(schema.microdata, schema.rdfa, schema.plain));
    process.stdout.write(`\n(${IMPOSSIBLE.size} phone numbers of the examples are not possible numbers, e.g. ${[...IMPOSSIBLE][0] ?? ''}; they are left out of the truth)\n`);
    print('talon signatures (9 messages, fields labelled in eval/labels.ts)', evalTalon());
  }
}
