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
});
