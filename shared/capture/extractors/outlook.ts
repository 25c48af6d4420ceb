import type { Candidate, Extractor } from '../types.ts';
import { messageCandidate, splitAddress } from '../webmail.ts';

// Outlook on the web's reading pane, as saved in test/fixtures/webmail/outlook.html. Its class
// names are generated, so only ARIA labels are relied on: the pane, the "From:" persona (its
// title or text is "Name <address>"), and the "Message body".
export const OUTLOOK = {
  pane: '[aria-label="Reading Pane" i], #ReadingPaneContainerId',
  sender: '[aria-label^="From:" i]',
  body: '[aria-label="Message body" i]',
} as const;

/** The sender of the message open in Outlook's reading pane, with the fields of its signature. */
export const outlook: Extractor = {
  id: 'outlook',
  extract(root, ctx) {
    const out: Candidate[] = [];
    for (const pane of Array.from(root.querySelectorAll(OUTLOOK.pane))) {
      const sender = pane.querySelector(OUTLOOK.sender);
      if (!sender) continue;
      const label = (sender.getAttribute('aria-label') ?? '').replace(/^From:\s*/i, '');
      const who = splitAddress(sender.getAttribute('title') || label || (sender.textContent ?? ''));
      const fromText = splitAddress((sender.textContent ?? '').replace(/\s+/g, ' ').trim());
      const body = pane.querySelector(OUTLOOK.body);
      const name = who.name ?? fromText.name;
      const email = who.email ?? fromText.email;
      const c = messageCandidate('outlook', ctx, {
        senderElement: sender,
        ...(name ? { senderName: name } : {}),
        ...(email ? { senderEmail: email } : {}),
        ...(body ? { body } : {}),
      });
      if (c) out.push(c);
    }
    return out;
  },
};
