import { TRPCError } from '@trpc/server';
import { joinParts, type ContactParts } from '../../shared/contact-parts.ts';
import { dedupeKeys } from '../../shared/dedupe.ts';
import { resolveColumns } from '../../shared/import/columns.ts';
import { importedStatus, type ImportedStatus } from '../../shared/import/lead-status.ts';
import { describeIssues } from '../../shared/schemas/describe.ts';
import type { ImportRowsInput, ImportRowsResult, RowResult } from '../../shared/schemas/imports.ts';
import { captureInput, type CaptureInput } from '../../shared/schemas/lead.ts';
import type { Deps } from '../deps.ts';
import type { UserRecord } from '../store/types.ts';
import { closeImported } from './import-status.ts';
import { captureLead } from './leads.ts';

const DRY_RUN_TTL_MS = 60 * 60_000;

/**
 * What earlier batches of a dry run would have created, per import, so that a duplicate in row
 * 90,000 of a file is reported as merged like the real import would. Memory only: nothing of a
 * dry run is stored.
 */
class DryRuns {
  private readonly runs = new Map<string, { seen: Map<string, number>; touched: number }>();

  seen(key: string, now: number): Map<string, number> {
    for (const [k, run] of this.runs) if (now - run.touched > DRY_RUN_TTL_MS) this.runs.delete(k);
    let run = this.runs.get(key);
    if (!run) this.runs.set(key, (run = { seen: new Map(), touched: now }));
    run.touched = now;
    return run.seen;
  }
}
const dryRuns = new WeakMap<Deps, DryRuns>();

type Parsed = { row: number; input: CaptureInput; closed: ImportedStatus | null } | { row: number; reason: string };

function parseRows(input: ImportRowsInput, region: string): Parsed[] {
  const targets = resolveColumns(input.columns, input.mapping);
  if (!targets.some((t) => t === 'email' || t === 'phone' || t === 'mobile')) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'columns: no column holds an email or a phone number; map one with mapping' });
  }
  return input.rows.map((cells, i) => {
    const row = input.firstRow + i;
    const parts: ContactParts = {};
    let status: string | undefined;
    let lostReason: string | undefined;
    targets.forEach((target, c) => {
      const value = cells[c]?.trim();
      if (target === 'status') status = value;
      else if (target === 'lost_reason') lostReason = value;
      else if (target !== 'ignore' && value) parts[target] = value;
    });
    const parsed = captureInput.safeParse({ region: input.region ?? region, ...joinParts(parts), source: { kind: 'import', name: input.file } });
    return parsed.success ? { row, input: parsed.data, closed: importedStatus(status, lostReason) } : { row, reason: describeIssues(parsed.error).message };
  });
}

function tally(results: RowResult[]): ImportRowsResult {
  const count = (o: RowResult['outcome']) => results.filter((r) => r.outcome === o).length;
  return { created: count('created'), merged: count('merged'), rejected: count('rejected'), results };
}

/** The outcome each row would have, without storing anything. */
function dryRun(deps: Deps, user: UserRecord, input: ImportRowsInput, parsed: Parsed[]): ImportRowsResult {
  let store = dryRuns.get(deps);
  if (!store) dryRuns.set(deps, (store = new DryRuns()));
  const seen = store.seen(`${user.id}|${input.importId}`, deps.now().getTime());
  return tally(
    parsed.map((p): RowResult => {
      if ('reason' in p) return { row: p.row, outcome: 'rejected', reason: p.reason };
      const keys = dedupeKeys(p.input);
      const existing = keys.map((k) => deps.repos.leads.idForKey(k)).find((id) => id !== undefined);
      if (existing) return { row: p.row, outcome: 'merged', leadId: existing };
      const earlier = keys.map((k) => seen.get(k)).find((r) => r !== undefined);
      for (const k of keys) if (!seen.has(k)) seen.set(k, p.row);
      return earlier !== undefined ? { row: p.row, outcome: 'merged', reason: `same person as row ${earlier}` } : { row: p.row, outcome: 'created' };
    }),
  );
}

/**
 * One batch of an import: each row is validated, then captured like any other lead, deduplicated
 * against the store and against the rows before it. All captures of the batch are applied at once
 * and share the store's next snapshot.
 */
export async function importRows(deps: Deps, user: UserRecord, input: ImportRowsInput): Promise<ImportRowsResult> {
  const parsed = parseRows(input, deps.settings.defaultRegion);
  if (input.dryRun) return dryRun(deps, user, input, parsed);
  const results = await Promise.all(
    parsed.map(async (p): Promise<RowResult> => {
      if ('reason' in p) return { row: p.row, outcome: 'rejected', reason: p.reason };
      try {
        const closed = p.closed;
        // A lead that ended in the old tool is stored ended, never routed; the rest are placed as any capture.
        const { lead, created } = await captureLead(deps, user, p.input, closed ? (tx, draft, now) => closeImported(deps, tx, draft, closed, user, now) : undefined);
        return { row: p.row, outcome: created ? 'created' : 'merged', leadId: lead.id };
      } catch (err) {
        if (err instanceof TRPCError && err.code !== 'INTERNAL_SERVER_ERROR') return { row: p.row, outcome: 'rejected', reason: err.message };
        throw err;
      }
    }),
  );
  return tally(results);
}
