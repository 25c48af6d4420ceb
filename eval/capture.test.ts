import { describe, expect, it } from 'vitest';
import { declaredInMicrodata, key, leadTruthOf, matches, newScore, tally, truthOf } from './capture.ts';

// The eval's own judging, on inline examples: it runs without the corpus, so CI checks it too.
describe('matches: the loose comparison the corpus asks for', () => {
  it.each<{ field: 'name' | 'email' | 'phone' | 'company'; found: string; truth: string[]; want: boolean }>([
    { field: 'company', found: 'Google.Org', truth: ['Google.org (GOOG)'], want: true },
    { field: 'company', found: 'Google', truth: ['Google.org (GOOG)'], want: false },
    { field: 'name', found: 'Jane Doe', truth: ['Dr. Jane Doe'], want: true },
    { field: 'name', found: 'Jane Roe', truth: ['Jane Doe'], want: false },
    { field: 'email', found: 'secretariat@google.org', truth: ['secretariat@example.com'], want: true },
    { field: 'email', found: 'secretariat@google.org', truth: ['secretariat@acme.com'], want: false },
    { field: 'email', found: 'info@google.org', truth: ['secretariat@example.com'], want: false },
    { field: 'phone', found: '+1 415 555 0199', truth: ['(415) 555-0199'], want: true },
    { field: 'phone', found: '+1 415 555 0198', truth: ['(415) 555-0199'], want: false },
  ])('$field $found against $truth → $want', ({ field, found, truth, want }) => {
    expect(matches(field, key(field, found), new Set(truth.map((t) => key(field, t))))).toBe(want);
  });
});

describe('leadTruthOf: the leads a page offers', () => {
  const example = {
    '@type': 'Organization',
    name: 'Acme Widgets',
    telephone: '+1 415 555 0100',
    employee: [
      { '@type': 'Person', name: 'Li Chen', jobTitle: 'CTO', email: 'li@acme.example' },
      { '@type': 'Person', name: 'Ana Ruiz', email: 'ana@acme.example' },
    ],
  };

  it('counts the people and organisations whose email or phone is written in the page, with their employer', () => {
    const page = '<p>Acme Widgets, call (415) 555-0100.</p><p>Li Chen, CTO: li@acme.example</p><p>Ana Ruiz leads sales.</p>';
    const offered = leadTruthOf(example, page);
    expect([...offered.name]).toEqual([key('name', 'Li Chen')]);
    expect([...offered.email]).toEqual(['li@acme.example']);
    expect([...offered.phone]).toEqual([key('phone', '+1 415 555 0100')]);
    expect([...offered.title]).toEqual([key('title', 'CTO')]);
    expect([...offered.company]).toEqual([key('company', 'Acme Widgets')]);
  });

  it('offers nothing when the page gives no way to reach anyone', () => {
    const offered = leadTruthOf(example, '<p>Li Chen and Ana Ruiz work at Acme Widgets.</p>');
    expect(Object.values(offered).every((set) => set.size === 0)).toBe(true);
  });

  it('every value it offers is part of the full truth', () => {
    const offered = leadTruthOf(example, '<p>(415) 555-0100 li@acme.example ana@acme.example</p>');
    const truth = truthOf(example);
    for (const [field, values] of Object.entries(offered)) for (const v of values) expect(truth[field as keyof typeof truth].has(v), `${field} ${v}`).toBe(true);
  });
});

describe('tally', () => {
  it('recall over the wanted values, precision over everything true of the example', () => {
    const score = newScore();
    const set = (...v: string[]) => new Set(v);
    const empty = { name: set(), email: set(), phone: set(), title: set(), company: set() };
    tally(score, { ...empty, name: set('li chen') }, { ...empty, name: set('li chen', 'ana ruiz', 'bo') }, { ...empty, name: set('li chen', 'ana ruiz') });
    expect(score.name).toEqual({ truth: 1, found: 3, hit: 1, trueFound: 2 });
  });
});

describe('declaredInMicrodata', () => {
  it('reads content attributes, links and text of email and telephone properties', () => {
    const html = '<span itemprop="telephone" content="+1 8005551234">800-555-1234</span><a itemprop="email" href="mailto:a@b.example">write</a><span itemprop="telephone">555-0100</span><span itemprop="name">X</span>';
    expect(declaredInMicrodata(html)).toEqual({ email: ['a@b.example'], phone: ['+1 8005551234', '555-0100'] });
  });
});
