// "Capture selection as lead": the selected text, read as a block of contact lines.
import { findSignature, parseSignature } from '../signature.ts';
import { makeCandidate } from './candidate.ts';
import { decodeObfuscatedEmails } from './deobfuscate.ts';
import { phonesInText } from './phones.ts';
import type { Candidate, ExtractContext } from './types.ts';

const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}/;

/** A candidate from selected text: its lines parsed like a signature, with any address or phone in it. */
export function selectionCandidate(text: string, ctx: ExtractContext): Candidate {
  const clipped = text.slice(0, 5000);
  const lines = clipped.split(/\r?\n|\s{3,}|\s[|·•—–]\s/).map((l) => l.trim()).filter(Boolean);
  // A selection that ends a message is a signature; otherwise its lines are the contact.
  const block = lines.length > 12 ? findSignature(clipped) : lines;
  const fields = parseSignature(block.length > 0 ? block : lines, { region: ctx.region });
  fields.email ??= EMAIL.exec(clipped)?.[0] ?? decodeObfuscatedEmails(clipped)[0]?.email;
  fields.phone ??= phonesInText(clipped, ctx.region)[0]?.phone;
  const c = makeCandidate('selection', ctx, fields, 0.7);
  c.source = { kind: 'selection', url: ctx.url };
  return c;
}
