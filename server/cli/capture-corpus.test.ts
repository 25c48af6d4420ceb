import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evalSchemaOrg, evalTalon, FIELDS, type Score } from '../../eval/capture.ts';

// The capture engine on real third-party markup, read from the team's corpus beside the project
// (../shared/corpus) and skipped cleanly without it: the schema.org examples' microdata and RDFa
// against their own JSON-LD, all three markups against the leads each page offers, and talon's
// email signatures. The figures `npm run eval:capture`
// prints, held as a floor so a change to an extractor cannot quietly lose them.
const CORPUS = new URL('../../../shared/corpus/', import.meta.url).pathname;

const recall = (s: Score, f: (typeof FIELDS)[number]) => s[f].hit / Math.max(1, s[f].truth);
const precision = (s: Score, f: (typeof FIELDS)[number]) => (s[f].trueFound ?? s[f].hit) / Math.max(1, s[f].found);

describe.skipIf(!existsSync(`${CORPUS}schemaorg`))('capture on the schema.org examples', () => {
  it.each(['microdata', 'rdfa'] as const)('%s: every person and email, organisations without a wrong one', async (format) => {
    const score = (await evalSchemaOrg()).all[format];
    expect(score.name.truth).toBeGreaterThan(10);
    expect(recall(score, 'name')).toBe(1);
    expect(precision(score, 'name')).toBe(1);
    expect(recall(score, 'email')).toBe(1);
    expect(precision(score, 'email')).toBe(1);
    // One venue with an address only (no way to reach it) is not a contact.
    expect(recall(score, 'company')).toBeGreaterThanOrEqual(0.95);
    expect(precision(score, 'company')).toBe(1);
    // One organisation lists two numbers: both are kept.
    expect(recall(score, 'phone')).toBe(1);
    expect(precision(score, 'phone')).toBe(1);
  });

  it.each(['plain', 'microdata', 'rdfa'] as const)('%s: every lead the page offers, every field, and nothing wrong', async (format) => {
    const { leads } = await evalSchemaOrg();
    const score = leads[format];
    expect(score.phone.truth).toBeGreaterThan(5);
    for (const f of FIELDS) {
      expect(recall(score, f), f).toBe(1);
      expect(precision(score, f), f).toBe(1);
    }
  });
});

describe.skipIf(!existsSync(`${CORPUS}talon`))('capture on the talon signatures', () => {
  it('reads every labelled field, and nothing wrong', () => {
    const score = evalTalon();
    for (const f of FIELDS) {
      expect(recall(score, f), f).toBe(1);
      expect(precision(score, f), f).toBe(1);
    }
  });
});
