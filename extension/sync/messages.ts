import { browser } from '#imports';
import type { ExtensionMessage, Reply } from '../../shared/schemas/messages.ts';
import type { Replies } from '../background/handlers.ts';

/** Sends a typed message to the background and returns its typed reply. */
export async function send<T extends ExtensionMessage['type']>(
  msg: Extract<ExtensionMessage, { type: T }>,
): Promise<Reply<Replies[T]>> {
  try {
    const reply = (await browser.runtime.sendMessage(msg)) as Reply<Replies[T]> | undefined;
    return reply ?? { ok: false, code: 'ERROR', message: 'the extension did not answer; reload the page' };
  } catch (err) {
    return { ok: false, code: 'ERROR', message: err instanceof Error ? err.message : String(err) };
  }
}
