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
}

/**
 * Streams a parsed file through the API in batches, one at a time, so that neither side holds
 * the file: what the command line and the options page share.
 */
export async function runImport(options: RunImportOptions): Promise<ImportTotals> {
  const size = Math.min(options.batchSize ?? IMPORT_BATCH_MAX, IMPORT_BATCH_MAX);
  const totals: ImportTotals = { rows: 0, created: 0, merged: 0, rejected: 0 };
  let batch: string[][] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    const firstRow = totals.rows + 1;
    batch = [];
    const result = await options.send({ firstRow, rows });
    totals.rows += rows.length;
    totals.created += result.created;
    totals.merged += result.merged;
    totals.rejected += result.rejected;
    for (const r of result.results) {
      if (r.outcome === 'rejected') options.onRejected?.({ row: r.row, reason: r.reason ?? 'rejected', cells: rows[r.row - firstRow] ?? [] });
    }
    options.onProgress?.({ ...totals });
  };
  for await (const row of options.rows) {
    batch.push(row);
    if (batch.length >= size) await flush();
  }
  await flush();
  return totals;
}

/** The columns of the rejected-rows CSV: the file's own, then the row number and the reason. */
export const rejectedColumns = (columns: readonly string[]): string[] => [...columns, 'Row', 'Reason'];
