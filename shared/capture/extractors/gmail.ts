import type { Candidate, Extractor } from '../types.ts';
import { messageCandidate } from '../webmail.ts';

// Gmail's reading pane, as saved in test/fixtures/webmail/gmail.html. Each open (expanded)
// message is a .adn block; its sender is span.gD carrying email and name attributes; its body is .a3s.
export const GMAIL = {
  message: 'div.adn',
  sender: 'span.gD[email]',
  body: 'div.a3s',
} as const;

/** The sender of each open Gmail message, with the fields of its signature. */
export const gmail: Extractor = {
  id: 'gmail',
  extract(root, ctx) {
    const out: Candidate[] = [];
    for (const message of Array.from(root.querySelectorAll(GMAIL.message))) {
      const sender = message.querySelector(GMAIL.sender);
      if (!sender) continue;
      const body = message.querySelector(GMAIL.body);
      const c = messageCandidate('gmail', ctx, {
        senderElement: sender,
        ...(sender.getAttribute('name') || sender.textContent?.trim() ? { senderName: sender.getAttribute('name') || sender.textContent?.trim() } : {}),
        ...(sender.getAttribute('email') ? { senderEmail: sender.getAttribute('email') ?? '' } : {}),
        ...(body ? { body } : {}),
      });
      if (c) out.push(c);
    }
    return out;
  },
};
