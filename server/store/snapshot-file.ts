import { open, readFile, rename, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Adapter } from 'lowdb';

export type Durability = 'rename' | 'fsync';

/** A consistent view of the store to write: the top-level fields, and each collection's entries. */
export interface SnapshotView {
  meta: { schemaVersion: number; seq: number; journalGen: number };
  collections: Record<string, [string, unknown][]>;
}

/** Records serialised per chunk: small enough that no chunk holds the event loop for long. */
const CHUNK = 500;

/**
 * A lowdb adapter that writes compact JSON to a temporary file and renames it into place, so a
 * reader never sees half a snapshot. With `fsync` it also flushes the file and its folder, so
 * the snapshot survives a power cut and not only a crash of the process.
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
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    return JSON.parse(text) as T;
  }

  async write(data: T): Promise<void> {
    await this.replace(async (file) => {
      await file.writeFile(JSON.stringify(data), 'utf8');
    });
  }

  /**
   * Writes a view in chunks, yielding to the event loop between them: serialising 100k leads in
   * one JSON.stringify would stall every request for tens of milliseconds. Same file format as write().
   */
  async writeView(view: SnapshotView): Promise<void> {
    await this.replace(async (file) => {
      const head = JSON.stringify(view.meta);
      await file.write(head.slice(0, -1));
      for (const [name, entries] of Object.entries(view.collections)) {
        await file.write(`,${JSON.stringify(name)}:{`);
        for (let i = 0; i < entries.length; i += CHUNK) {
          let chunk = i === 0 ? '' : ',';
          const end = Math.min(entries.length, i + CHUNK);
          for (let j = i; j < end; j++) {
            const [id, record] = entries[j] as [string, unknown];
            chunk += `${j === i ? '' : ','}${JSON.stringify(id)}:${JSON.stringify(record)}`;
          }
          await file.write(chunk);
        }
        await file.write('}');
      }
      await file.write('}');
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
