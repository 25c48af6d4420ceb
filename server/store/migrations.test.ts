import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from './types.ts';
import { migrate, SCHEMA_VERSION } from './migrations.ts';

describe('migrate', () => {
  it.each([
    { what: 'an empty file', raw: {} },
    { what: 'a version 1 snapshot from before a collection existed', raw: { schemaVersion: 1, seq: 7, users: {}, leads: {} } },
  ])('lifts $what to the current schema with every collection', ({ raw }) => {
    const data = migrate(structuredClone(raw) as Record<string, unknown>);
    expect(data.schemaVersion).toBe(SCHEMA_VERSION);
    for (const name of COLLECTIONS) expect(data[name]).toEqual({});
    expect(data.seq).toBe((raw as { seq?: number }).seq ?? 0);
  });

  it('refuses data written by a newer version', () => {
    expect(() => migrate({ schemaVersion: SCHEMA_VERSION + 1 })).toThrow(/newer Leadsync/);
  });
});
