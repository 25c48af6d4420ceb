import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../shared/capture/types.ts';
import { createReview, edited, phoneChoices, reviewedLead } from './review-state.ts';

const omar: Candidate = {
  source: { kind: 'page', url: 'https://acme.example/team' },
  confidence: 0.6,
  provenance: { name: 'text', phone: 'text' },
  name: 'Omar Haddad',
  phone: '+14155550133',
  otherPhones: ['+14155550134', '+14155550135'],
};

// The review card's state for a contact that lists three numbers, as the rep picks or types one.
describe('a review of a contact with several numbers', () => {
  it.each([
    { what: 'as found', phone: '+14155550133', choices: ['+14155550134', '+14155550135'], edited: false, others: ['+14155550134', '+14155550135'], extractor: 'text' },
    { what: 'another found number picked', phone: '+14155550134', choices: ['+14155550133', '+14155550135'], edited: false, others: ['+14155550133', '+14155550135'], extractor: 'text' },
    { what: 'a number typed by the rep', phone: '+14155550999', choices: ['+14155550133', '+14155550134', '+14155550135'], edited: true, others: undefined, extractor: 'manual' },
    { what: 'the phone cleared', phone: '', choices: ['+14155550133', '+14155550134', '+14155550135'], edited: true, others: undefined, extractor: undefined },
  ])('$what', ({ phone, choices, edited: wasEdited, others, extractor }) => {
    const model = createReview(omar);
    model.values.phone.value = phone;
    expect(phoneChoices(model)).toEqual(choices);
    expect(edited(model, 'phone')).toBe(wasEdited);
    const lead = reviewedLead(model, 'https://acme.example/team');
    expect(lead.otherPhones).toEqual(others);
    expect(lead.provenance.phone?.extractor).toBe(extractor);
  });

  it('offers no choice for a contact with one number', () => {
    const model = createReview({ ...omar, otherPhones: undefined });
    expect(phoneChoices(model)).toEqual([]);
    expect(reviewedLead(model, 'https://acme.example/team')).not.toHaveProperty('otherPhones');
  });
});
