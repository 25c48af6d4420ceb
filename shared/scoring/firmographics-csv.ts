import Papa from 'papaparse';
import { describeIssues } from '../schemas/describe.ts';
import { firmographicsCsvRow, type Firmographics } from '../schemas/scoring.ts';

export interface CsvParseResult {
  rows: Firmographics[];
  /** One line per bad row: `line 7: employees must be a whole number`. */
  errors: string[];
}

const header = (h: string) => h.trim().toLowerCase().replace(/[\s-]+/g, '_');

/**
 * A firmographics CSV (domain, employees, revenue_band, credit_rating, optional industry) to
 * validated rows. Headers are matched loosely ("Credit rating" = credit_rating); a later row for
 * the same domain replaces an earlier one.
 */
export function parseFirmographicsCsv(text: string): CsvParseResult {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy', transformHeader: header });
  // A one-column file has no delimiter to detect; that is not an error in the data.
  const errors = parsed.errors.filter((e) => e.code !== 'UndetectableDelimiter').map((e) => `line ${(e.row ?? 0) + 2}: ${e.message}`);
  const fields = parsed.meta.fields ?? [];
  if (!fields.includes('domain')) return { rows: [], errors: [`the header has no "domain" column (it has: ${fields.join(', ') || 'nothing'})`] };
  const byDomain = new Map<string, Firmographics>();
  parsed.data.forEach((raw, i) => {
    const row = firmographicsCsvRow.safeParse(raw);
    if (row.success) byDomain.set(row.data.domain, row.data);
    else errors.push(`line ${i + 2}: ${describeIssues(row.error).message}`);
  });
  return { rows: [...byDomain.values()], errors };
}
