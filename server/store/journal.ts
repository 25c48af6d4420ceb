import { closeSync, openSync, readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Durability } from './snapshot-file.ts';
import type { CollectionName } from './types.ts';

/** One record written (or deleted, when null) by a committed transaction. */
export type JournalPut = [collection: CollectionName | 'meta', id: string, record: unknown];

const NAME = /^journal\.(\d+)\.jsonl$/;
export const journalName = (gen: number): string => `journal.${String(gen).padStart(8, '0')}.jsonl`;

/**
 * The append-only log beside the lowdb snapshot, as Redis's AOF and SQLite's WAL do it: each group
 * commit appends one line with the records it wrote, and is acknowledged once the line is written
 * (and flushed to the disk with `fsync`). Generations let a snapshot fold the older files away.
 */
export class Journal {
  private file: FileHandle;
  bytes = 0;

  private constructor(
    private readonly dir: string,
    public gen: number,
    file: FileHandle,
    private readonly durability: Durability,
  ) {
    this.file = file;
  }

  static async open(dir: string, gen: number, durability: Durability): Promise<Journal> {
    const file = await open(join(dir, journalName(gen)), 'a');
    const journal = new Journal(dir, gen, file, durability);
    journal.bytes = (await file.stat()).size;
    return journal;
  }

  /** Every line in generations ≥ `fromGen`, oldest first. A torn last line (a crash mid-write) was never acknowledged and is dropped. */
  static replay(dir: string, fromGen: number): { puts: JournalPut[][]; lastGen: number } {
    const gens = Journal.generations(dir).filter((g) => g >= fromGen);
    const puts: JournalPut[][] = [];
    for (const gen of gens) {
      const lines = readFileSync(join(dir, journalName(gen)), 'utf8').split('\n');
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (!line) continue;
        try {
          puts.push((JSON.parse(line) as { puts: JournalPut[] }).puts);
        } catch (err) {
          const last = lines.slice(i + 1).every((l) => l === '') && gen === gens.at(-1);
          if (!last) throw new Error(`${journalName(gen)} line ${i + 1} is corrupt: ${String(err)}`);
        }
      }
    }
    return { puts, lastGen: gens.at(-1) ?? fromGen };
  }

  static generations(dir: string): number[] {
    return readdirSync(dir)
      .map((f) => NAME.exec(f)?.[1])
      .filter((g): g is string => g !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
  }

  async append(puts: JournalPut[]): Promise<void> {
    const line = `${JSON.stringify({ puts })}\n`;
    await this.file.write(line);
    if (this.durability === 'fsync') await this.file.datasync();
    this.bytes += Buffer.byteLength(line);
  }

  /** Starts the next generation. Called between appends, never during one. */
  async rotate(): Promise<number> {
    const old = this.file;
    this.gen += 1;
    // Created at once, so that a crash right after still finds the new generation.
    closeSync(openSync(join(this.dir, journalName(this.gen)), 'a'));
    this.file = await open(join(this.dir, journalName(this.gen)), 'a');
    this.bytes = 0;
    await old.close();
    return this.gen;
  }

  /** Removes the generations a landed snapshot holds. */
  dropBefore(gen: number): void {
    for (const g of Journal.generations(this.dir)) if (g < gen) unlinkSync(join(this.dir, journalName(g)));
  }

  async close(): Promise<void> {
    await this.file.close();
  }
}
