import { describe, expect, it } from 'vitest';
import { phonesInText } from './phones.ts';

describe('phonesInText on page text', () => {
  it.each<{ what: string; text: string; region?: string; before?: string; want: string[]; listed?: boolean[] }>([
    { what: 'a valid national number', text: 'Call (415) 555-0199 today', want: ['+14155550199'] },
    { what: 'a possible number written as a North American number', text: 'Seattle WA 98052\n(425) 123-4567', want: ['+14251234567'] },
    { what: 'a possible number after a phone label', text: 'Phone: 425-123-4567', want: ['+14251234567'] },
    { what: 'a possible number with neither shape nor label is left', text: 'ref 425-123-4567', want: [] },
    { what: 'an international number written without its "+", after a label', text: 'Tel: ( 33 1) 42 68 53 00', want: ['+33142685300'] },
    { what: 'the fax beside it is skipped', text: 'Tel: ( 33 1) 42 68 53 00, Fax: ( 33 1) 42 68 53 01', want: ['+33142685300'] },
    { what: 'a fax labelled in the element before', text: '( 33 1) 42 68 53 01', before: 'SIRET Code: 443 Fax:', want: [] },
    { what: 'a phone labelled in the element before', text: '( 33 1) 42 68 53 00', before: 'Main address: Paris Tel:', want: ['+33142685300'] },
    { what: 'digits with no label or bracket are not read as international', text: 'Order 33142685300 shipped', want: [] },
    { what: 'a list of numbers after one label', text: 'Telephone: +34983878011, +34659843463', want: ['+34983878011', '+34659843463'], listed: [false, true] },
    { what: 'two numbers with words between are two contacts', text: 'Ana +34 983 878 011 and Bob: +34 659 843 463', want: ['+34983878011', '+34659843463'], listed: [false, false] },
    { what: 'a date is not a phone', text: 'billing period: 2014-12-21 to 2015-01-20', want: [] },
    { what: 'a German number in the page region', text: 'Tel. 030 901820', region: 'DE', want: ['+4930901820'] },
  ])('$what', ({ text, region, before, want, listed }) => {
    const found = phonesInText(text, region ?? 'US', 'VALID', before);
    expect(found.map((f) => f.phone)).toEqual(want);
    if (listed) expect(found.map((f) => f.listed === true)).toEqual(listed);
    for (const f of found) expect(text.slice(f.index).replace(/\D/g, '')).toContain(f.phone.replace(/\D/g, '').slice(-7));
  });
});
