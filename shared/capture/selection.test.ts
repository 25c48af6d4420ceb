import { describe, expect, it } from 'vitest';
import { selectionCandidate } from './selection.ts';

const fields = (text: string, region = 'US') => {
  const { source: _s, confidence: _c, provenance: _p, ...rest } = selectionCandidate(text, { url: 'https://acme.example/', region });
  return rest;
};

describe('selectionCandidate', () => {
  it.each([
    {
      what: 'a card of lines',
      text: 'Maria Lopez\nVP Sales\nAcme Widgets Inc\nmaria@acme.example\n+1 415 555 0143',
      want: { name: 'Maria Lopez', title: 'VP Sales', company: 'Acme Widgets Inc', email: 'maria@acme.example', phone: '+14155550143' },
    },
    {
      what: 'one line with separators and an obfuscated address',
      text: 'Li Chen | CTO, Globex | li [at] globex [dot] example',
      want: { name: 'Li Chen', title: 'CTO', company: 'Globex', email: 'li@globex.example' },
    },
    { what: 'prose with a phone only', text: 'Call our office on 020 7946 0958 any weekday.', region: 'GB', want: { phone: '+442079460958' } },
  ])('$what', ({ text, region, want }) => {
    expect(fields(text, region)).toEqual(want);
  });

  it('marks every field as coming from the selection, with the selection as the source', () => {
    const c = selectionCandidate('Ana Ruiz\nana@acme.example', { url: 'https://acme.example/', region: 'US' });
    expect(c.source).toEqual({ kind: 'selection', url: 'https://acme.example/' });
    expect(Object.values(c.provenance)).toEqual(['selection', 'selection']);
  });
});
