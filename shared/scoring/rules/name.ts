import type { ScoringRule } from '../types.ts';

const JUNK = /^(test|asdf|qwerty|foo|bar|none|n\/?a|unknown|x+)$/i;

export const nameRule: ScoringRule = {
  id: 'name',
  group: 'quality',
  evaluate({ name, email }) {
    if (!name) return { label: 'No name', points: 0 };
    const words = name.split(' ').filter(Boolean);
    const local = email?.slice(0, email.indexOf('@'));
    if (words.every((w) => JUNK.test(w)) || (words.length > 1 && new Set(words.map((w) => w.toLowerCase())).size === 1)) {
      return { label: 'Name looks like test data', points: 0 };
    }
    if (local && name.toLowerCase() === local) return { label: 'Name is only the email’s local part', points: 2 };
    if (name.length > 3 && name === name.toUpperCase() && /[A-Z]/.test(name)) return { label: 'Name in capitals', points: 4 };
    if (words.length >= 2) return { label: 'Full name', points: 8 };
    return { label: 'First name only', points: 4 };
  },
};
