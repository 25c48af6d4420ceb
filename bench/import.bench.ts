// 100k rows imported through `leadsync import` (a separate process, as a user runs it) into a real
// server with a real store, against a same-run baseline: papaparse reading the same file alone.
import { execFile } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvRows } from '../server/cli/csv-file.ts';
import { createLogger } from '../server/log.ts';
import { startServer } from '../server/server.ts';
import type { BenchRow } from './types.ts';

const ROWS = Number(process.env.IMPORT_BENCH_ROWS ?? 100_000);
const GOAL_S = 60;
const root = fileURLToPath(new URL('../', import.meta.url));

const FIRST = ['Maria', 'Jean-Luc', 'Sam', 'Priya', 'Ingrid', 'Pierre', 'Ana', 'Kenji', 'Olu', 'Zoe'];
const LAST = ['Lopez', "O'Brien", 'Lee', 'Patel', 'Bergman', 'Dupont', 'Silva', 'Sato', 'Adeyemi', 'Novak'];
const TITLES = ['VP Sales', 'Head of "Growth"', 'CTO', 'Office Manager', 'Director of Partnerships', 'Founder, CEO'];

/** A HubSpot-style export: 1 row in 50 repeats an earlier email, 1 in 100 has a bad one. */
async function writeFile(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('\ufeffRecord ID,First Name,Last Name,Email,Phone Number,Company Name,Job Title,Website URL,City,Country/Region\r\n');
  for (let i = 0; i < rows; i++) {
    const n = i % 50 === 49 ? i - 7 : i;
    const company = `Company ${Math.floor(n / 3)}`;
    const domain = `company${Math.floor(n / 3)}.example`;
    const email = i % 100 === 98 ? `broken${i}@@${domain}` : `person${n}@${domain}`;
    const phone = i % 3 === 0 ? `+1 415 ${String(200 + (n % 800)).padStart(3, '0')} ${String(n % 10_000).padStart(4, '0')}` : '';
    const line = [i + 1, FIRST[n % 10], LAST[(n * 7) % 10], email, phone, company, TITLES[n % TITLES.length], domain, 'Springfield', 'United States']
      .map((v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v)))
      .join(',');
    if (!out.write(`${line}\r\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
}

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/leadsync.js', ...args], { cwd: root, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) =>
      resolve({ code: err ? 1 : 0, stdout, stderr }),
    );
  });
}

export default async function importBench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'leadsync-bench-import-'));
  try {
    const file = join(dir, 'contacts.csv');
    await writeFile(file, ROWS);

    let t = performance.now();
    let parsed = 0;
    for await (const _row of csvRows(file).rows) parsed++;
    const parseS = (performance.now() - t) / 1000;

    const server = await startServer({ dataDir: join(dir, 'data'), host: '127.0.0.1', port: 0, log: createLogger('silent'), adminToken: 'bench_import_admin_token_0123456789' });
    try {
      t = performance.now();
      const run = await cli(['import', file, '--rejected', join(dir, 'rejected.csv'), '--server', server.url, '--token', 'bench_import_admin_token_0123456789']);
      const importS = (performance.now() - t) / 1000;
      if (run.code !== 0) throw new Error(`import failed: ${run.stderr}`);
      const totals = JSON.parse(run.stdout) as { rows: number; created: number; merged: number; rejected: number };
      if (totals.rows !== parsed - 1) throw new Error(`imported ${totals.rows} rows of ${parsed - 1}`);
      return [
        { name: `papaparse alone, ${ROWS / 1000}k rows (baseline)`, value: parseS, unit: 's' },
        {
          name: `leadsync import, ${ROWS / 1000}k rows (${totals.created} created, ${totals.merged} merged, ${totals.rejected} rejected)`,
          value: importS,
          unit: 's',
          ratio: importS / parseS,
          baseline: 'papaparse alone',
          goal: `< ${GOAL_S} s`,
          met: importS < GOAL_S,
        },
        { name: 'rows imported per second', value: totals.rows / importS, unit: 'rows/s' },
      ];
    } finally {
      await server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
