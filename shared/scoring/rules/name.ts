import type { ScoringRule } from '../types.ts';

const JUNK = /^(test|tester|asdf|qwerty|foo|bar|baz|none|null|undefined|n\/?a|unknown|sample|demo|dummy|x+|abc|xyz)$/i;
const LETTERS = /\p{L}/u;

/** A plausible person's name: not test data, not an email's local part, not shouted in capitals. */
export const nameRule: ScoringRule = {
  id: 'name',
  group: 'quality',
  field: 'name',
  evaluate({ name, email }) {
    if (!name) return null;
    const words = name.split(' ').filter(Boolean);
    const local = email?.slice(0, email.indexOf('@')).toLowerCase();
    if (!LETTERS.test(name)) return { label: 'Name has no letters', points: 0, status: 'invalid' };
    if (words.every((w) => JUNK.test(w)) || (words.length > 1 && new Set(words.map((w) => w.toLowerCase())).size === 1)) {
      return { label: 'Name looks like test data', points: 0, status: 'invalid' };
    }
    if (name.includes('@') || /^\S+\.\S+$/.test(name) || (local && name.toLowerCase().replace(/\s+/g, '') === local.replace(/[._-]/g, '') && words.length === 1)) {
      return { label: 'Name is only the email’s local part', points: 2, status: 'risky' };
    }
    if (/\d/.test(name)) return { label: 'Name contains digits', points: 2, status: 'risky' };
    if (name.length > 3 && name === name.toUpperCase() && /\p{Lu}/u.test(name)) return { label: 'Name in capitals', points: 4, status: 'risky' };
    if (words.length >= 2) return { label: 'Full name', points: 8, status: 'valid' };
    return { label: 'First name only', points: 4, status: 'risky' };
  },
};
