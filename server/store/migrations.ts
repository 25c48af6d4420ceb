import { COLLECTIONS, type Data } from './types.ts';

export interface Migration {
  to: number;
  up(data: Record<string, unknown>): void;
}

/** Each step lifts a snapshot one schema version. Append only; never edit a shipped step. */
export const MIGRATIONS: readonly Migration[] = [
  {
    to: 1,
    up(data) {
      data.seq ??= 0;
      for (const name of COLLECTIONS) data[name] ??= {};
    },
  },
];

export const SCHEMA_VERSION = MIGRATIONS.at(-1)?.to ?? 0;

export function emptyData(): Data {
  return migrate({});
}

export function migrate(raw: Record<string, unknown>): Data {
  const from = typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 0;
  if (from > SCHEMA_VERSION) {
    throw new Error(`the data was written by a newer Leadsync (schema ${from}; this one knows up to ${SCHEMA_VERSION})`);
  }
  for (const step of MIGRATIONS) {
    if (step.to > from) {
      step.up(raw);
      raw.schemaVersion = step.to;
    }
  }
  // A new collection starts empty and needs no migration of its own; reshaping records does.
  raw.seq ??= 0;
  raw.journalGen ??= 0;
  for (const name of COLLECTIONS) raw[name] ??= {};
  return raw as Data;
}
