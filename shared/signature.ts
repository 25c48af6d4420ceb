// Email signatures: find the block at the end of a message body and read it into contact
// fields. Pure text in, fields out; the webmail extractors, `leadsync extract` on .eml files and
// selection capture all use it.
import { looksLikeName, TITLE_WORDS } from './capture/dom.ts';
import { phonesInText } from './capture/phones.ts';
import type { ContactFields } from './capture/types.ts';

/** A signature's fields; `otherPhones` are its numbers after the first ("T: … M: …"). */
export type SignatureFields = ContactFields & { otherPhones?: string[] };

const QUOTE_START = [/^On .{4,200}wrote:?\s*$/i, /^-{2,}\s*Original Message\s*-{2,}/i, /^_{5,}\s*$/, /^From:\s.+/i, /^Le .{4,200}a écrit\s*:/i, /^Am .{4,200}schrieb/i];
const DELIMITER = /^(--|—|-{2,}|_{2,}|={3,})\s*$/;
const VALEDICTION = /^(thanks|thank you|many thanks|thanks again|best|best regards|kind regards|warm regards|regards|cheers|sincerely|yours|yours truly|all the best|respectfully|br|saludos|cordialement|mit freundlichen grüßen|с уважением)[\s,.!]*$/i;
const NOISE = /^(sent from my|get outlook for|via mobile|sent via|this (e-?mail|message) (and any|is confidential))/i;
const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}/;
const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>()]{2,200}/i;
const DOMAIN_LINE = /^[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,5}(?:\/\S*)?$/i;
const LABEL = /^(?:t|tel|phone|ph|p|m|mob|mobile|cell|direct|office|o|e|email|e-mail|w|web|website|a|addr|address)\s*[.:]\s*/i;
const FAX_LINE = /^(?:f|fax)\s*[.:]/i;
const COMPANY_SUFFIX = /\b(inc|llc|ltd|limited|gmbh|ag|sa|s\.a\.|corp|corporation|co\.|company|group|plc|bv|labs?|research|partners|consulting|solutions|technologies|systems|university|institute)\b\.?/i;
const STREET = /\b\d{1,5}\s+[\p{L}.'-]+(?:\s+[\p{L}.'-]+){0,4}\s+(?:st|street|ave|avenue|rd|road|blvd|boulevard|ln|lane|dr|drive|way|pl|place|sq|square|suite|ste|floor|fl|pkwy|parkway|ct|court)\b|\b\d{5}(?:-\d{4})?\b|\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b/iu;
const CREDENTIALS = /,?\s+(ph\.?d\.?|m\.?d\.?|mba|cpa|esq\.?|jr\.?|sr\.?|ii|iii|pmp)\s*$/i;

/** The message as written by its sender: quoted replies and forwarded history removed. */
export function ownText(body: string): string {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  for (const line of lines) {
    if (QUOTE_START.some((re) => re.test(line.trim())) && out.some((l) => l.trim())) break;
    if (/^\s*>/.test(line)) continue;
    out.push(line);
  }
  return out.join('\n');
}

/** A line of running text rather than a signature line: many words, or a sentence. */
const isProse = (line: string): boolean => {
  const words = line.trim().split(/\s+/).length;
  return words >= 9 || (words >= 5 && /[.!?]$/.test(line.trim()));
};

/** The lines of the paragraph that ends just above line `blank`. */
function paragraphAbove(lines: readonly string[], blank: number): string[] {
  const out: string[] = [];
  for (let i = blank - 1; i >= 0 && (lines[i] ?? '').trim(); i--) out.push(lines[i] ?? '');
  return out;
}

/** The signature block: after a "-- " delimiter or a valediction, else the short lines that end the message. */
export function findSignature(body: string): string[] {
  const lines = ownText(body).split('\n').map((l) => l.replace(/\s+$/, ''));
  while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop();
  const tail = Math.max(0, lines.length - 15);
  for (let i = lines.length - 1; i >= tail; i--) {
    const line = (lines[i] ?? '').trim();
    if (DELIMITER.test(line) || VALEDICTION.test(line)) return lines.slice(i + 1).map((l) => l.trim()).filter((l) => l && !NOISE.test(l));
  }
  // No marker: take the run of short lines at the end, if it holds something a signature has.
  // A paragraph of prose above a blank line is the message, however short its last line.
  const block: string[] = [];
  for (let i = lines.length - 1; i >= tail; i--) {
    const line = (lines[i] ?? '').trim();
    if (line.length > 70) break;
    if (!line && block.length > 0 && paragraphAbove(lines, i).some(isProse)) break;
    if (line) block.unshift(line);
  }
  const signs = block.filter((l) => EMAIL.test(l) || URL_RE.test(l) || phonesInText(l, 'US', 'POSSIBLE').length > 0 || looksLikeName(l)).length;
  return signs > 0 && block.length <= 10 ? block.filter((l) => !NOISE.test(l)) : [];
}

/**
 * Reads signature lines into fields. The sender's name, when known, anchors the name line; the
 * title and company are the short lines that follow it.
 */
export function parseSignature(lines: readonly string[], opts: { region: string; senderName?: string }): SignatureFields {
  const out: SignatureFields = {};
  const rest: string[] = [];
  for (const raw of lines) {
    const line = raw.replace(/^[-–—~*]\s*/, '').trim();
    if (!line || NOISE.test(line) || VALEDICTION.test(line)) continue;
    if (FAX_LINE.test(line)) continue;
    const unlabelled = line.replace(LABEL, '');
    let used = false;
    const email = EMAIL.exec(unlabelled)?.[0];
    if (email) {
      out.email ??= email.toLowerCase();
      used = true;
    }
    const url = (URL_RE.exec(unlabelled)?.[0] ?? (DOMAIN_LINE.test(unlabelled) && /[a-z]{2,}$/i.test(unlabelled) ? unlabelled : undefined))?.replace(/[.,;]+$/, '');
    if (url && !email) {
      if (/linkedin\.com\/in\//i.test(url)) out.linkedin ??= url;
      else out.website ??= url;
      used = true;
    }
    if (!email) {
      for (const { phone } of phonesInText(unlabelled.replace(/\b(?:ext|x)\.?\s*\d+$/i, ''), opts.region, 'POSSIBLE')) {
        if (out.phone === undefined) out.phone = phone;
        else if (phone !== out.phone && !out.otherPhones?.includes(phone)) (out.otherPhones ??= []).push(phone);
        used = true;
      }
    }
    if (!used && !/^[\p{L}\s]{1,12}:/u.test(line)) rest.push(line);
  }

  // The name: the sender's, where a line shows it; else the first line that reads as a name.
  const sender = opts.senderName?.trim();
  let nameAt = sender ? rest.findIndex((l) => l.toLowerCase().includes(sender.toLowerCase())) : -1;
  if (nameAt >= 0 && sender) out.name = sender;
  else {
    nameAt = rest.findIndex((l) => looksLikeName(l.replace(CREDENTIALS, '')));
    if (nameAt >= 0) out.name = rest[nameAt]?.replace(CREDENTIALS, '').trim();
  }
  for (let i = 0; i < rest.length; i++) {
    if (i === nameAt) continue;
    const line = rest[i] ?? '';
    // "VP Sales | Acme Inc", "VP Sales, Acme", "VP Sales at Acme": title then company.
    const split = /^(.{2,60}?)\s*(?:\||,|·|\bat\b|@)\s*(.{2,60})$/.exec(line);
    if (!out.address && STREET.test(line) && !TITLE_WORDS.test(line)) {
      out.address = line;
    } else if (!out.title && TITLE_WORDS.test(line) && line.length <= 80) {
      if (split && TITLE_WORDS.test(split[1] ?? '') && !TITLE_WORDS.test(split[2] ?? '')) {
        out.title = split[1];
        out.company ??= split[2];
      } else out.title = line;
    } else if (!out.company && line.length <= 80 && (COMPANY_SUFFIX.test(line) || (out.title && i > nameAt && nameAt >= 0 && !looksLikeName(line)))) {
      out.company = line;
    }
  }
  return out;
}
