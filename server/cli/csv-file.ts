import { createReadStream, statSync } from 'node:fs';
import { Transform } from 'node:stream';
import Papa from 'papaparse';

/** Drops a UTF-8 byte order mark (Excel writes one) before the parser sees it. */
function stripBom(): Transform {
  let first = true;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (first) {
        first = false;
        if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
      }
      done(null, chunk);
    },
  });
}

/**
 * A CSV file as a stream of rows, parsed by papaparse as it is read: comma, semicolon or tab
 * delimited (detected), quoted fields, blank lines skipped. `bytesRead()` drives the progress line.
 */
export function csvRows(path: string): { size: number; bytesRead: () => number; rows: AsyncIterable<string[]> } {
  const size = statSync(path).size;
  const file = createReadStream(path);
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { skipEmptyLines: 'greedy' });
  const rows = file.pipe(stripBom()).pipe(parser) as AsyncIterable<string[]>;
  return { size, bytesRead: () => file.bytesRead, rows };
}
