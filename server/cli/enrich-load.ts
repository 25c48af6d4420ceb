import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseFirmographicsCsv } from '../../shared/scoring/firmographics-csv.ts';
import { apiClient, remoteFrom } from './client.ts';

const BATCH = 5000;

/**
 * `leadsync enrich load FILE.csv [--merge]`: sends the firmographics to the running server, which
 * rescores every lead. A file with a bad row is refused whole, so a typo never half-loads.
 */
export async function enrichLoad(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { server: { type: 'string' }, token: { type: 'string' }, merge: { type: 'boolean', default: false } },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new Error('usage: leadsync enrich load FILE.csv [--merge] (columns: domain, employees, revenue_band, credit_rating, industry)');
  const { rows, errors } = parseFirmographicsCsv(readFileSync(file, 'utf8'));
  if (errors.length > 0) throw new Error(`${file} was not loaded:\n  ${errors.slice(0, 20).join('\n  ')}${errors.length > 20 ? `\n  … and ${errors.length - 20} more` : ''}`);
  if (rows.length === 0) throw new Error(`${file} has no rows`);
  const api = apiClient(remoteFrom(values));
  let result = { loaded: 0, total: 0, rescored: 0 };
  for (let i = 0; i < rows.length; i += BATCH) {
    const last = i + BATCH >= rows.length;
    const r = await api.scoring.loadFirmographics.mutate({ rows: rows.slice(i, i + BATCH), replace: !values.merge && i === 0, rescore: last });
    result = { loaded: result.loaded + r.loaded, total: r.total, rescored: r.rescored };
  }
  process.stdout.write(`Loaded ${result.loaded} companies (${result.total} known in all); ${result.rescored} leads rescored.\n`);
}
