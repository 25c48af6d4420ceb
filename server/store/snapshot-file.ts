import { createReadStream } from 'node:fs';
import { open, readFile, rename, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import type { Adapter } from 'lowdb';
import { LeafSharer } from './compact-records.ts';

export type Durability = 'rename' | 'fsync';

/** A consistent view of the store to write: the top-level fields, and each collection's entries. */
export interface SnapshotView {
  meta: { schemaVersion: number; seq: number; journalGen: number };
  collections: Record<string, [string, unknown][]>;
}

/** Records serialised per chunk: small enough that no chunk holds the event loop for long. */
const CHUNK = 500;

/** Collections whose records repeat the same small objects (score reasons, provenance). */
const SHARED = new Set(['leads']);

/** The index of the quote that closes the JSON string opening `line`, or -1. */
function endOfJsonString(line: string): number {
  if (line[0] !== '"') return -1;
  for (let i = 1; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '"') return i;
  }
  return -1;
}

const COLLECTION_OPEN = /^"([A-Za-z0-9_]+)":\{$/;

/**
 * A lowdb adapter for the store's snapshot: plain JSON, written to a temporary file and renamed
 * into place, so a reader never sees half a snapshot. With `fsync` it also flushes the file and
 * its folder, so the snapshot survives a power cut and not only a crash of the process.
 *
 * Each record sits on a line of its own (still one JSON document), so that reading streams record
 * by record instead of holding the whole file as one string: at 100k leads that string alone is
 * about 200 MB.
 */
export class SnapshotFile<T> implements Adapter<T> {
  private readonly tmp: string;

  constructor(
    private readonly path: string,
    private readonly durability: Durability = 'rename',
  ) {
    this.tmp = `${path}.tmp`;
  }

  async read(): Promise<T | null> {
    let head: string;
    try {
      const file = await open(this.path, 'r');
      try {
        const buf = Buffer.alloc(256);
        const { bytesRead } = await file.read(buf, 0, 256, 0);
        head = buf.subarray(0, bytesRead).toString('utf8');
      } finally {
        await file.close();
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    // A file in another layout (written by hand, or by an older version) is read whole.
    if (!head.startsWith('{') || !head.includes('\n')) return JSON.parse(await readFile(this.path, 'utf8')) as T;
    return (await this.readLines()) as T;
  }

  private async readLines(): Promise<Record<string, unknown>> {
    const lines = createInterface({ input: createReadStream(this.path, { encoding: 'utf8' }), crlfDelay: Infinity });
    let data: Record<string, unknown> | undefined;
    let table: Record<string, unknown> | undefined;
    let sharer: LeafSharer | undefined;
    let n = 0;
    for await (const raw of lines) {
      n++;
      const line = raw.endsWith(',') ? raw.slice(0, -1) : raw;
      if (data === undefined) {
        data = JSON.parse(`${line}}`) as Record<string, unknown>;
        continue;
      }
      const open = COLLECTION_OPEN.exec(line);
      if (open?.[1]) {
        table = {};
        data[open[1]] = table;
        sharer = SHARED.has(open[1]) ? new LeafSharer() : undefined;
        continue;
      }
      if (line === '}') {
        table = undefined;
        continue;
      }
      if (!table) throw new Error(`${this.path} line ${n} is outside any collection`);
      const split = endOfJsonString(line);
      if (split < 0 || line[split + 1] !== ':') throw new Error(`${this.path} line ${n} is not a record`);
      const id = JSON.parse(line.slice(0, split + 1)) as string;
      const record = JSON.parse(line.slice(split + 2)) as unknown;
      table[id] = sharer ? sharer.share(record) : record;
    }
    if (!data) throw new Error(`${this.path} is empty`);
    return data;
  }

  async write(data: T): Promise<void> {
    await this.replace(async (file) => {
      await file.writeFile(JSON.stringify(data), 'utf8');
    });
  }

  /**
   * Writes a view in chunks, yielding to the event loop between them: serialising 100k leads in
   * one JSON.stringify would stall every request for tens of milliseconds.
   */
  async writeView(view: SnapshotView): Promise<void> {
    await this.replace(async (file) => {
      const head = JSON.stringify(view.meta);
      await file.write(`${head.slice(0, -1)},\n`);
      const names = Object.keys(view.collections);
      for (const [c, name] of names.entries()) {
        const entries = view.collections[name] ?? [];
        await file.write(`${JSON.stringify(name)}:{\n`);
        for (let i = 0; i < entries.length; i += CHUNK) {
          let chunk = '';
          const end = Math.min(entries.length, i + CHUNK);
          for (let j = i; j < end; j++) {
            const [id, record] = entries[j] as [string, unknown];
            chunk += `${JSON.stringify(id)}:${JSON.stringify(record)}${j === entries.length - 1 ? '' : ','}\n`;
          }
          await file.write(chunk);
        }
        await file.write(c === names.length - 1 ? '}\n' : '},\n');
      }
      await file.write('}\n');
    });
  }

  private async replace(fill: (file: FileHandle) => Promise<void>): Promise<void> {
    const file = await open(this.tmp, 'w');
    try {
      await fill(file);
      if (this.durability === 'fsync') await file.sync();
    } finally {
      await file.close();
    }
    await rename(this.tmp, this.path);
    if (this.durability === 'fsync') {
      const dir = await open(dirname(this.path), 'r');
      try {
        await dir.sync();
      } finally {
        await dir.close();
      }
    }
  }
}
