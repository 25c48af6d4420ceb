import Papa from 'papaparse';

/**
 * A CSV File as a stream of rows: papaparse reads it a chunk at a time and pauses until the rows
 * of the chunk have been taken, so a large file is never in memory whole. `progress()` is the
 * share of the file read so far, and `rowsRead()` the rows parsed from it (the header included).
 */
export function fileRows(file: File, chunkSize = 512 * 1024): { rows: AsyncIterable<string[]>; progress: () => number; rowsRead: () => number } {
  let cursor = 0;
  // Rows parsed so far (the header too), counted with the bytes they came from.
  let parsed = 0;
  const progress = () => (file.size === 0 ? 1 : Math.min(1, cursor / file.size));
  async function* rows(): AsyncGenerator<string[]> {
    const queue: string[][] = [];
    let parser: Papa.Parser | undefined;
    let paused = false;
    let done = false;
    let failure: Error | undefined;
    let wake: () => void = () => undefined;
    Papa.parse<string[]>(file, {
      chunkSize,
      skipEmptyLines: 'greedy',
      chunk(results, p) {
        parser = p;
        queue.push(...results.data);
        parsed += results.data.length;
        cursor = results.meta.cursor;
        paused = true;
        p.pause();
        wake();
      },
      complete() {
        done = true;
        cursor = file.size;
        wake();
      },
      error(err) {
        failure = err;
        wake();
      },
    });
    for (;;) {
      if (queue.length > 0) {
        yield* queue.splice(0);
        continue;
      }
      if (failure) throw failure;
      if (done) return;
      const next = new Promise<void>((resolve) => (wake = resolve));
      if (paused && parser) {
        paused = false;
        parser.resume();
      }
      await next;
    }
  }
  return { rows: rows(), progress, rowsRead: () => parsed };
}

/** The header row of a CSV file, read without reading the rest. */
export function fileColumns(file: File): Promise<string[]> {
  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(file, {
      preview: 1,
      skipEmptyLines: 'greedy',
      complete: (results) => resolve((results.data[0] ?? []).map((c) => c.trim())),
      error: reject,
    });
  });
}
