import type { Extractor } from './types.ts';
import { gmail } from './extractors/gmail.ts';
import { hCard } from './extractors/h-card.ts';
import { jsonLd } from './extractors/json-ld.ts';
import { mailtoTel } from './extractors/mailto-tel.ts';
import { microdata } from './extractors/microdata.ts';
import { outlook } from './extractors/outlook.ts';
import { profileMeta } from './extractors/profile-meta.ts';
import { rdfa } from './extractors/rdfa.ts';
import { textContacts } from './extractors/text.ts';

/** Every extractor, most precise first: an earlier one's fields win a tie. A new one is a file and a line here. */
export const EXTRACTORS: readonly Extractor[] = [gmail, outlook, jsonLd, microdata, rdfa, hCard, profileMeta, mailtoTel, textContacts];
