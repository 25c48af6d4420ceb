import { effect } from '@preact/signals';
import type { Reply } from '../../shared/schemas/messages.ts';
import type { ProvisionalContact, ProvisionalScore } from '../../shared/schemas/provisional.ts';
import { REVIEW_FIELDS, type ReviewModel } from './review-state.ts';

/** Runs `fn` after `ms`; returns a cancel. The content script binds it to its context. */
export type Schedule = (fn: () => void, ms: number) => () => void;

/** Quiet time after the last keystroke before the card asks for a new score. */
export const PROVISIONAL_DELAY_MS = 250;

/**
 * Keeps `model.provisional` in step with the fields as the rep edits them. The score is computed
 * in the background (the scoring code and its lists are far too big for a content script); a
 * reply that an edit has overtaken is dropped, so the card never shows the score of old values.
 * Returns a function that stops watching.
 */
export function watchProvisional(model: ReviewModel, score: (contact: ProvisionalContact) => Promise<Reply<ProvisionalScore>>, region: string, schedule: Schedule): () => void {
  let asked = 0;
  let cancel: (() => void) | undefined;
  let first = true;
  const stopEffect = effect(() => {
    const contact: ProvisionalContact = { region };
    for (const field of REVIEW_FIELDS) {
      const value = model.values[field].value.trim();
      if (value) contact[field] = value;
    }
    cancel?.();
    const run = () => {
      const n = ++asked;
      void score(contact).then((reply) => {
        if (n !== asked) return;
        model.provisional.value = reply.ok ? reply.data : undefined;
      });
    };
    // The card opens with a score at once; edits wait for a pause in the typing.
    if (first) {
      first = false;
      run();
    } else {
      cancel = schedule(run, PROVISIONAL_DELAY_MS);
    }
  });
  return () => {
    cancel?.();
    asked++;
    stopEffect();
  };
}
