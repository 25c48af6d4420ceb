// Addresses written to fool harvesters: "maria [at] acme [dot] com", "maria(at)acme.com",
// "maria AT acme DOT com". Only bracketed or upper-case forms are decoded, so plain prose
// ("meet me at noon") is never read as an address.

const AT = String.raw`(?:\s*[\[({<]\s*(?:at|@)\s*[\])}>]\s*|\s+AT\s+|\s*@\s*)`;
const DOT = String.raw`(?:\s*[\[({<]\s*(?:dot|\.)\s*[\])}>]\s*|\s+DOT\s+|\.)`;
const LOCAL = String.raw`[A-Za-z0-9._%+-]{1,64}`;
const LABEL = String.raw`[A-Za-z0-9-]{1,63}`;
const OBFUSCATED = new RegExp(String.raw`(${LOCAL})${AT}(${LABEL}(?:${DOT}${LABEL}){0,6})${DOT}([A-Za-z]{2,24})\b`, 'g');
const MARKER = /[\[({<]\s*(?:at|dot|@|\.)\s*[\])}>]|\sAT\s|\sDOT\s/;

/** Each obfuscated address in a text, decoded and lowercased, with where it was written. */
export function decodeObfuscatedEmails(text: string): { email: string; index: number }[] {
  if (!MARKER.test(text)) return [];
  const out: { email: string; index: number }[] = [];
  for (const m of text.matchAll(OBFUSCATED)) {
    if (!MARKER.test(m[0])) continue;
    const domain = (m[2] ?? '').replace(new RegExp(DOT, 'g'), '.');
    out.push({ email: `${m[1]}@${domain}.${m[3]}`.toLowerCase(), index: m.index ?? 0 });
  }
  return out;
}
