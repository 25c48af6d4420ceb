import { describe, expect, it } from 'vitest';
import type { ImportRowsResult } from '../schemas/imports.ts';
import { runImport } from './run.ts';

async function* rowsOf(n: number) {
  for (let i = 1; i <= n; i++) yield [`r${i}`];
}

/** A stand-in for the server that rejects every row whose number is a multiple of 4, answering later batches sooner. */
const answer = (calls: number[]) => async ({ firstRow, rows }: { firstRow: number; rows: string[][] }): Promise<ImportRowsResult> => {
  calls.push(firstRow);
  await new Promise((r) => setTimeout(r, 30 - (firstRow % 30)));
  const results = rows.map((_, i) => (firstRow + i) % 4 === 0 ? { row: firstRow + i, outcome: 'rejected' as const, reason: 'bad' } : { row: firstRow + i, outcome: 'created' as const });
  return { created: results.filter((r) => r.outcome === 'created').length, merged: 0, rejected: results.filter((r) => r.outcome === 'rejected').length, results };
};

describe('runImport', () => {
  it.each([
    { rows: 0, batchSize: 3, inFlight: 1, batches: [] },
    { rows: 7, batchSize: 3, inFlight: 1, batches: [1, 4, 7] },
    { rows: 10, batchSize: 2, inFlight: 3, batches: [1, 3, 5, 7, 9] },
    { rows: 5, batchSize: 999, inFlight: 2, batches: [1] },
  ])('$rows rows, batches of $batchSize, $inFlight in flight', async ({ rows, batchSize, inFlight, batches }) => {
    const calls: number[] = [];
    const rejected: { row: number; cells: string[] }[] = [];
    const progress: number[] = [];
    const totals = await runImport({ rows: rowsOf(rows), batchSize, inFlight, send: answer(calls), onRejected: (r) => rejected.push(r), onProgress: (t) => progress.push(t.rows) });
    expect(calls).toEqual(batches);
    const bad = Math.floor(rows / 4);
    expect(totals).toEqual({ rows, created: rows - bad, merged: 0, rejected: bad });
    // Rejected rows come back in file order, each with its own cells.
    expect(rejected).toEqual(Array.from({ length: bad }, (_, i) => ({ row: 4 * (i + 1), reason: 'bad', cells: [`r${4 * (i + 1)}`] })));
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1) ?? 0).toBe(rows);
  });

  it('stops at a failed batch and reports the failure', async () => {
    const send = async ({ firstRow }: { firstRow: number }) => {
      if (firstRow > 2) throw new Error('server said no');
      return { created: 2, merged: 0, rejected: 0, results: [] };
    };
    await expect(runImport({ rows: rowsOf(10), batchSize: 2, inFlight: 2, send })).rejects.toThrow('server said no');
  });
});
