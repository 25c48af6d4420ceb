import { IMPORT_BATCH_MAX, type ImportRowsResult } from '../schemas/imports.ts';

export interface ImportTotals {
  rows: number;
  created: number;
  merged: number;
  rejected: number;
}

export interface RunImportOptions {
  /** Data rows, after the header, as parsed cells. */
  rows: AsyncIterable<string[]>;
  /** Sends one batch through imports.rows. */
  send(batch: { firstRow: number; rows: string[][] }): Promise<ImportRowsResult>;
  /** Called after each batch. */
  onProgress?(totals: ImportTotals): void;
  /** Called for each rejected row, with its cells as read. */
  onRejected?(rejected: { row: number; reason: string; cells: string[] }): void;
  batchSize?: number;
  /** Batches sent before the first answer is awaited. */
  inFlight?: number;
}

/**
 * Streams a parsed file through the API in batches, so that neither side holds the file: what the
 * command line and the options page share. Up to `inFlight` batches travel at once, so the server
 * stores the next batch while it writes the last one to disk; their results are taken in order.
 */
export async function runImport(options: RunImportOptions): Promise<ImportTotals> {
  const size = Math.min(options.batchSize ?? IMPORT_BATCH_MAX, IMPORT_BATCH_MAX);
  const depth = Math.max(1, options.inFlight ?? 1);
  const totals: ImportTotals = { rows: 0, created: 0, merged: 0, rejected: 0 };
  const pending: { firstRow: number; rows: string[][]; result: Promise<ImportRowsResult> }[] = [];
  let sent = 0;
  let batch: string[][] = [];

  const settleOldest = async () => {
    const oldest = pending.shift();
    if (!oldest) return;
    const result = await oldest.result;
    totals.rows += oldest.rows.length;
    totals.created += result.created;
    totals.merged += result.merged;
    totals.rejected += result.rejected;
    for (const r of result.results) {
      if (r.outcome === 'rejected') options.onRejected?.({ row: r.row, reason: r.reason ?? 'rejected', cells: oldest.rows[r.row - oldest.firstRow] ?? [] });
    }
    options.onProgress?.({ ...totals });
  };
  const send = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    const firstRow = sent + 1;
    sent += rows.length;
    const result = options.send({ firstRow, rows });
    // Not awaited yet: a failure surfaces when its turn comes, and must not go unhandled before.
    result.catch(() => undefined);
    pending.push({ firstRow, rows, result });
    if (pending.length >= depth) await settleOldest();
  };
  try {
    for await (const row of options.rows) {
      batch.push(row);
      if (batch.length >= size) await send();
    }
    await send();
    while (pending.length > 0) await settleOldest();
  } finally {
    // After a failure, let the batches already sent finish before the caller reports it.
    await Promise.allSettled(pending.map((p) => p.result));
  }
  return totals;
}

/** The columns of the rejected-rows CSV: the file's own, then the row number and the reason. */
export const rejectedColumns = (columns: readonly string[]): string[] => [...columns, 'Row', 'Reason'];
