// What Gmail and Outlook share once their selectors have found the sender and the body: the
// sender becomes a candidate, and the signature of the body fills in the rest.
import { findSignature, parseSignature } from '../signature.ts';
import { makeCandidate } from './candidate.ts';
import { blockText } from './dom.ts';
import type { Candidate, ExtractContext } from './types.ts';

export interface OpenMessage {
  senderName?: string;
  senderEmail?: string;
  /** Where the badge goes: the sender's name in the message header. */
  senderElement: Element;
  body?: Element;
}

export function messageCandidate(extractor: string, ctx: ExtractContext, msg: OpenMessage): Candidate | undefined {
  const signature = msg.body ? parseSignature(findSignature(blockText(msg.body)), { region: ctx.region, ...(msg.senderName ? { senderName: msg.senderName } : {}) }) : {};
  const c = makeCandidate(
    extractor,
    ctx,
    {
      ...signature,
      // The header is surer than the signature for who sent it.
      name: msg.senderName ?? signature.name,
      email: msg.senderEmail ?? signature.email,
    },
    0.9,
    { anchor: msg.senderElement, placement: 'after', block: msg.senderElement },
  );
  c.source = { kind: 'email', url: ctx.url };
  return c.email || c.phone ? c : undefined;
}

/** "Maria Lopez <maria@acme.example>" → name and address. */
export function splitAddress(text: string): { name?: string; email?: string } {
  const m = /^\s*"?([^"<]*?)"?\s*<([^>\s]+@[^>\s]+)>\s*$/.exec(text);
  if (m) return { ...(m[1] ? { name: m[1] } : {}), email: m[2] };
  return /@/.test(text) ? { email: text.trim() } : { name: text.trim() };
}
