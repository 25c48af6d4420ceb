import Papa from 'papaparse';

/**
 * A cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a leading
 * apostrophe: exported data is scraped from the web and must not execute when opened.
 */
export function safeCell(value: unknown): string {
  const text = value === undefined || value === null ? '' : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180 CSV (quoted as needed, CRLF), without a header row when `header` is false. */
export function toCsv(columns: readonly string[], rows: readonly (readonly unknown[])[], header = true): string {
  const body = Papa.unparse({ fields: [...columns], data: rows.map((r) => r.map(safeCell)) }, { header, newline: '\r\n' });
  return body === '' ? '' : `${body}\r\n`;
}
