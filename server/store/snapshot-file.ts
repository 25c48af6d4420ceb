import { open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Adapter } from 'lowdb';

export type Durability = 'rename' | 'fsync';

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
    const text = JSON.stringify(data);
    const file = await open(this.tmp, 'w');
    try {
      await file.writeFile(text, 'utf8');
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
