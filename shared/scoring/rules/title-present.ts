import type { ScoringRule } from '../types.ts';

/** A job title tells a rep whom they are calling; its seniority is scored under fit. */
export const titlePresentRule: ScoringRule = {
  id: 'title-present',
  group: 'quality',
  field: 'title',
  evaluate({ title }) {
    if (!title) return null;
    if (!/\p{L}{2}/u.test(title)) return { label: 'Job title has no words', points: 0, status: 'invalid' };
    return { label: 'Job title given', points: 2, status: 'valid' };
  },
};
