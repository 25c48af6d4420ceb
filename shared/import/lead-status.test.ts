import { describe, expect, it } from 'vitest';
import { importedStatus } from './lead-status.ts';

describe('importedStatus', () => {
  it.each([
    // Salesforce
    ['Closed - Converted', 'converted'],
    ['Closed - Not Converted', 'lost'],
    ['Open - Not Contacted', null],
    ['Working - Contacted', null],
    // HubSpot
    ['Unqualified', 'lost'],
    ['BAD_TIMING', 'lost'],
    ['Bad timing', 'lost'],
    ['OPEN_DEAL', null],
    ['In Progress', null],
    ['Attempted to contact', null],
    ['New', null],
    // Plain
    ['won', 'converted'],
    [' Customer ', 'converted'],
    ['Closed Lost', 'lost'],
    ['', null],
    [undefined, null],
  ])('%j → %s', (value, status) => {
    const got = importedStatus(value);
    expect(got?.status ?? null).toBe(status);
    if (got) expect(got.label).toBe(value?.trim());
  });

  it.each([
    ['lost', 'No budget', { status: 'lost', label: 'No budget' }],
    ['lost', '  ', { status: 'lost', label: 'lost' }],
    ['Closed - Not Converted', undefined, { status: 'lost', label: 'Closed - Not Converted' }],
    ['converted', 'No budget', { status: 'converted', label: 'converted' }],
    ['assigned', 'No budget', null],
  ])('%j with the reason %j → %o', (value, reason, expected) => expect(importedStatus(value, reason)).toEqual(expected));
});
