/**
 * The share of an import that is done: rows the server has answered, against the file's row count
 * estimated from the rows read so far and the share of the file's bytes they took. Bytes read alone
 * run ahead by whatever the reader holds (a whole 512 kB chunk in the browser), and would show a
 * file of a few thousand rows as done before the server has answered its first batch.
 */
export function importProgress(done: number, read: number, fractionRead: number): number {
  if (read <= 0 || fractionRead <= 0 || done <= 0) return 0;
  return Math.min(1, (done * Math.min(1, fractionRead)) / read);
}
