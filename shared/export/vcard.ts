import type { Lead } from '../schemas/lead.ts';
import { splitName } from './columns.ts';

/** vCard text escaping (RFC 6350 §3.4): backslash, comma, semicolon and newlines. */
const esc = (v: string): string => v.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r?\n/g, '\\n');

/** Lines longer than 75 octets continue on the next line after a space (RFC 6350 §3.2). */
function fold(line: string): string {
  const bytes = new TextEncoder();
  if (bytes.encode(line).length <= 75) return line;
  const out: string[] = [];
  let current = '';
  for (const ch of line) {
    if (bytes.encode(current + ch).length > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
    }
    current += ch;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** A vCard 3.0 of one lead, the version Outlook, Apple Contacts and Google Contacts all import. */
export function leadToVcard(lead: Lead, now: Date): string {
  const [first, last] = splitName(lead.name);
  const display = lead.name ?? lead.email ?? lead.phone ?? 'Lead';
  const lines = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `FN:${esc(display)}`,
    `N:${esc(last)};${esc(first)};;;`,
    ...(lead.company ? [`ORG:${esc(lead.company)}`] : []),
    ...(lead.title ? [`TITLE:${esc(lead.title)}`] : []),
    ...[lead.email, ...lead.otherEmails].filter(Boolean).map((e, i) => `EMAIL;TYPE=INTERNET${i === 0 ? ',PREF' : ''}:${esc(e ?? '')}`),
    ...[lead.phone, ...lead.otherPhones].filter(Boolean).map((p, i) => `TEL;TYPE=WORK,VOICE${i === 0 ? ',PREF' : ''}:${esc(p ?? '')}`),
    ...(lead.website ? [`URL:${esc(lead.website)}`] : []),
    // One free-text address: it goes in the street part, and as the label.
    ...(lead.address ? [`ADR;TYPE=WORK:;;${esc(lead.address)};;;;`, `LABEL;TYPE=WORK:${esc(lead.address)}`] : []),
    `NOTE:${esc(`Leadsync lead ${lead.id} · ${lead.status} · score ${lead.score.total} (${lead.score.grade}) · from ${lead.source.name ?? lead.source.kind}`)}`,
    `UID:urn:leadsync:${lead.id}`,
    `REV:${now.toISOString().replace(/\.\d{3}/, '')}`,
    'END:VCARD',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/** A file name from the lead's name, safe on every system. */
export const vcardFileName = (lead: Lead): string =>
  `${(lead.name ?? lead.email ?? lead.id).replace(/[^\p{L}\p{N} _-]+/gu, '').trim().replace(/\s+/g, '-') || lead.id}.vcf`;
