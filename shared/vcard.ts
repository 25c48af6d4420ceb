// vCard 2.1, 3.0 and 4.0 text to contact fields. Pure: the CLI reads .vcf files with it, and a
// page's data:text/vcard link could be read with it too.

import type { ContactFields } from './capture/types.ts';

export type VcardContact = Omit<ContactFields, 'linkedin'> & { otherPhones?: string[] };

interface Line {
  name: string;
  params: string[];
  value: string;
}

/** Unfolds continuation lines (RFC 6350 §3.2) and quoted-printable soft breaks (vCard 2.1). */
function unfold(text: string): string[] {
  const raw = text.replace(/\r\n?/g, '\n').replace(/\n[ \t]/g, '');
  const out: string[] = [];
  for (const line of raw.split('\n')) {
    const prev = out[out.length - 1];
    if (prev !== undefined && /ENCODING=QUOTED-PRINTABLE/i.test(prev.split(':')[0] ?? '') && prev.endsWith('=')) out[out.length - 1] = prev.slice(0, -1) + line;
    else out.push(line);
  }
  return out;
}

function decodeQuotedPrintable(value: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value.slice(i + 1, i + 3);
    if (value[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(value.charCodeAt(i) & 0xff);
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

const unescape = (v: string) => v.replace(/\\n/gi, '\n').replace(/\\([,;\\])/g, '$1');
/** Splits a structured value on unescaped semicolons. */
const components = (v: string) => v.split(/(?<!\\);/).map((p) => unescape(p).trim());

function parseLine(line: string): Line | undefined {
  const colon = line.indexOf(':');
  if (colon <= 0) return undefined;
  const [head = '', ...params] = line.slice(0, colon).split(';');
  let value = line.slice(colon + 1);
  if (params.some((p) => /^ENCODING=QUOTED-PRINTABLE$/i.test(p))) value = decodeQuotedPrintable(value);
  // "item1.EMAIL" (Apple's grouping) is EMAIL.
  return { name: head.replace(/^[^.]*\./, '').toUpperCase(), params: params.map((p) => p.toUpperCase()), value };
}

const isPreferred = (l: Line) => l.params.some((p) => /PREF/.test(p));
const isFax = (l: Line) => l.params.some((p) => /FAX/.test(p));
const isWork = (l: Line) => l.params.some((p) => /WORK/.test(p));

/** The best of several lines: preferred, then work, then the first. */
function best(lines: Line[]): Line | undefined {
  return lines.find(isPreferred) ?? lines.find(isWork) ?? lines[0];
}

/** Every card in a .vcf text. */
export function parseVcards(text: string): VcardContact[] {
  const cards: Line[][] = [];
  let current: Line[] | undefined;
  for (const raw of unfold(text)) {
    const line = raw.trim();
    if (/^BEGIN:VCARD$/i.test(line)) current = [];
    else if (/^END:VCARD$/i.test(line)) {
      if (current) cards.push(current);
      current = undefined;
    } else if (current) {
      const parsed = parseLine(line);
      if (parsed) current.push(parsed);
    }
  }
  return cards.map((lines) => {
    const of = (name: string) => lines.filter((l) => l.name === name);
    const card: VcardContact = {};
    const fn = of('FN')[0]?.value;
    const n = of('N')[0];
    const nParts = n ? components(n.value) : [];
    const fromN = [nParts[3], nParts[1], nParts[2], nParts[0], nParts[4]].filter((p) => p).join(' ');
    const name = unescape(fn ?? '').trim() || fromN;
    if (name) card.name = name;
    const email = best(of('EMAIL'))?.value.replace(/^mailto:/i, '').trim();
    if (email) card.email = email;
    const tels = of('TEL').filter((l) => !isFax(l));
    const telOf = (l: Line) => l.value.replace(/^tel:/i, '').trim();
    const main = best(tels);
    const phone = main ? telOf(main) : undefined;
    if (phone) card.phone = phone;
    // A card's home and mobile numbers stay with it, after the preferred or work one.
    const others = tels.filter((l) => l !== main).map(telOf).filter((v) => v && v !== phone);
    if (others.length > 0) card.otherPhones = others;
    const title = unescape(of('TITLE')[0]?.value ?? '').trim() || unescape(of('ROLE')[0]?.value ?? '').trim();
    if (title) card.title = title;
    const org = components(of('ORG')[0]?.value ?? '')[0];
    if (org) card.company = org;
    const url = of('URL')[0]?.value.trim();
    if (url) card.website = url;
    const adr = best(of('ADR'));
    if (adr) {
      const [, ext, street, locality, region, code, country] = components(adr.value);
      const address = [street, ext, locality, [region, code].filter(Boolean).join(' '), country].filter((p) => p).join(', ');
      if (address) card.address = address;
    }
    return card;
  });
}
