import { randomUUID } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { TRPCClientError } from '@trpc/client';
import { toCsv } from '../../shared/csv.ts';
import { detectFormat, resolveColumns } from '../../shared/import/columns.ts';
import { rejectedColumns, runImport } from '../../shared/import/run.ts';
import { importProgress } from '../../shared/import/progress.ts';
import { CONTACT_PARTS } from '../../shared/schemas/contact-parts.ts';
import { columnTarget, type ColumnTarget } from '../../shared/schemas/imports.ts';
import { apiClient, remoteFrom } from './client.ts';
import { csvRows } from './csv-file.ts';

/** Batches on their way at once: the server captures one while it writes another to disk. */
const IN_FLIGHT = 6;

const USAGE = 'usage: leadsync import FILE.csv [--dry-run] [--map "Header=field"]… [--rejected OUT.csv] [--region CC]';

function parseMap(pairs: string[]): Record<string, ColumnTarget> {
  const mapping: Record<string, ColumnTarget> = {};
  for (const pair of pairs) {
    const at = pair.lastIndexOf('=');
    const target = columnTarget.safeParse(pair.slice(at + 1).trim());
    if (at <= 0 || !target.success) throw new Error(`--map "${pair}": write "Column header=field", field one of ${[...CONTACT_PARTS, 'ignore'].join(', ')}`);
    mapping[pair.slice(0, at).trim()] = target.data;
  }
  return mapping;
}

/**
 * A batch whose connection failed is sent again, a few times: a long import should not die of
 * one dropped socket. Sending it twice is safe, because the second pass merges into the leads
 * the first created (it is then counted as merged).
 */
async function withRetry<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      const dropped = err instanceof TRPCClientError && err.data === undefined && /fetch failed|socket|ECONNRESET/i.test(String(err.message));
      if (!dropped || attempt >= 3) throw err;
      await new Promise((r) => setTimeout(r, 1000 * 2 ** attempt));
    }
  }
}

/**
 * `leadsync import FILE.csv`: streams the file through imports.rows, 500 rows a call, with a
 * progress line on stderr and the totals as one JSON line on stdout. Rejected rows go to a CSV.
 */
export async function importCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      map: { type: 'string', multiple: true, default: [] },
      rejected: { type: 'string' },
      region: { type: 'string' },
      server: { type: 'string' },
      token: { type: 'string' },
    },
  });
  const path = positionals[0];
  if (!path || positionals.length > 1) throw new Error(USAGE);
  const mapping = parseMap(values.map);
  const api = apiClient(remoteFrom(values));
  const source = csvRows(path);
  const iterator = source.rows[Symbol.asyncIterator]();
  const head = await iterator.next();
  if (head.done) throw new Error(`${path}: the file is empty`);
  const columns = head.value.map((c) => c.trim());
  const targets = resolveColumns(columns, mapping);
  const dryRun = values['dry-run'];
  process.stderr.write(
    `${dryRun ? 'Dry run of' : 'Importing'} ${basename(path)} (${detectFormat(columns)} columns): ` +
      `${columns.map((c, i) => `${c} → ${targets[i]}`).filter((s) => !s.endsWith('→ ignore')).join(', ')}\n`,
  );

  const rejectedPath = values.rejected ?? path.replace(/(\.csv)?$/i, '.rejected.csv');
  let rejectedOut: WriteStream | undefined;
  const importId = randomUUID();
  const tty = process.stderr.isTTY;
  let lastLine = 0;
  // Rows taken from the parser, for the progress line: bytes read alone run ahead of the answers.
  let pulled = 0;
  const counted: AsyncIterable<string[]> = {
    async *[Symbol.asyncIterator]() {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        pulled++;
        yield next.value;
      }
    },
  };
  const totals = await runImport({
    rows: counted,
    inFlight: IN_FLIGHT,
    send: ({ firstRow, rows }) =>
      withRetry(() => api.imports.rows.mutate({ file: basename(path), importId, columns, mapping, firstRow, rows, dryRun, ...(values.region ? { region: values.region } : {}) })),
    onRejected({ row, reason, cells }) {
      if (!rejectedOut) {
        rejectedOut = createWriteStream(rejectedPath);
        rejectedOut.write(toCsv(rejectedColumns(columns), []));
      }
      rejectedOut.write(toCsv(rejectedColumns(columns), [[...cells, row, reason]], false));
    },
    onProgress(t) {
      const pct = Math.round(importProgress(t.rows, pulled, source.bytesRead() / Math.max(1, source.size)) * 100);
      const line = `${pct}% · ${t.rows} rows · ${t.created} created · ${t.merged} merged · ${t.rejected} rejected`;
      // A terminal gets one line rewritten in place; a log gets a line every few seconds' worth.
      if (tty) process.stderr.write(`\r${line}`);
      else if (t.rows - lastLine >= 10_000) {
        process.stderr.write(`${line}\n`);
        lastLine = t.rows;
      }
    },
  });
  if (tty) process.stderr.write('\n');
  if (rejectedOut) await new Promise<void>((resolve, reject) => rejectedOut?.end((err?: Error | null) => (err ? reject(err) : resolve())));
  process.stderr.write(
    `${dryRun ? 'Dry run, nothing stored: would have' : 'Done:'} ${totals.created} created, ${totals.merged} merged, ${totals.rejected} rejected of ${totals.rows} rows.` +
      `${rejectedOut ? ` Rejected rows and reasons: ${rejectedPath}` : ''}\n`,
  );
  process.stdout.write(`${JSON.stringify({ file: path, dryRun, ...totals, ...(rejectedOut ? { rejectedFile: rejectedPath } : {}) })}\n`);
}
