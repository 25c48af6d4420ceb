import type { Extractor } from './types.ts';
import { mailtoTel } from './extractors/mailto-tel.ts';
import { textEmails } from './extractors/text.ts';

/** Every extractor, most precise first: an earlier one's fields win a tie. A new one is a file and a line here. */
export const EXTRACTORS: readonly Extractor[] = [mailtoTel, textEmails];
