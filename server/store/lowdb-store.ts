import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { acquireLock } from './lock.ts';
import { emptyData, migrate } from './migrations.ts';
import { Journal, type JournalPut } from './journal.ts';
import { SnapshotFile, type Durability, type SnapshotView } from './snapshot-file.ts';
import { COLLECTIONS, type ChangeListener, type CollectionName, type Collections, type Data, type Store, type Tx } from './types.ts';

export interface LowdbStoreOptions {
  dir: string;
  durability?: Durability;
  /** Fold the journal into a new snapshot once it holds this many bytes. */
  compactAtBytes?: number;
}

const DEFAULT_COMPACT_BYTES = 64 * 1024 * 1024;

interface Deferred {
  promise: Promise<void>;
  resolve(): void;
  reject(err: unknown): void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

type Pending = Map<CollectionName, Map<string, Collections[CollectionName] | null>>;

class BufferedTx implements Tx {
  readonly pending: Pending = new Map();
  seq: number;

  constructor(private readonly data: Data) {
    this.seq = data.seq;
  }

  get<C extends CollectionName>(collection: C, id: string): Collections[C] | undefined {
    const buffered = this.pending.get(collection)?.get(id);
    if (buffered !== undefined) return (buffered ?? undefined) as Collections[C] | undefined;
    return Object.hasOwn(this.data[collection], id) ? (this.data[collection][id] as Collections[C]) : undefined;
  }

  *values<C extends CollectionName>(collection: C): Iterable<Collections[C]> {
    const buffered = this.pending.get(collection);
    for (const [id, record] of Object.entries(this.data[collection])) {
      if (!buffered?.has(id)) yield record as Collections[C];
    }
    for (const record of buffered?.values() ?? []) if (record) yield record as Collections[C];
  }

  size(collection: CollectionName): number {
    let n = Object.keys(this.data[collection]).length;
    for (const [id, record] of this.pending.get(collection) ?? []) {
      const existed = Object.hasOwn(this.data[collection], id);
      if (record && !existed) n++;
      if (!record && existed) n--;
    }
    return n;
  }

  put<C extends CollectionName>(collection: C, record: Collections[C]): void {
    let map = this.pending.get(collection);
    if (!map) this.pending.set(collection, (map = new Map()));
    map.set(record.id, record);
  }

  delete(collection: CollectionName, id: string): void {
    let map = this.pending.get(collection);
    if (!map) this.pending.set(collection, (map = new Map()));
    map.set(id, null);
  }

  nextSeq(): number {
    return ++this.seq;
  }
}

/**
 * The default store: a lowdb JSON snapshot in DATA_DIR plus a journal beside it. A transaction
 * applies to memory at once; its records are appended to the journal in a group commit (all the
 * transactions that arrived while the previous append ran share one line), and it is answered
 * only once that line is written. From time to time the journal is folded into a new snapshot,
 * written in chunks off the request path and renamed into place.
 */
export class LowdbStore implements Store {
  private readonly listeners = new Map<CollectionName, ChangeListener<CollectionName>[]>();
  private pending: JournalPut[] = [];
  private writing: Promise<void> | null = null;
  private next: Deferred | null = null;
  private compacting: Promise<void> | null = null;
  private closed = false;
  /** Snapshots written since open, for the benchmark and the tests. */
  snapshots = 0;

  private constructor(
    private readonly db: Low<Data>,
    private readonly snapshotFile: SnapshotFile<Data>,
    private readonly journal: Journal,
    private readonly compactAtBytes: number,
    private readonly release: () => void,
  ) {}

  static async open(options: LowdbStoreOptions): Promise<LowdbStore> {
    mkdirSync(options.dir, { recursive: true });
    const release = acquireLock(options.dir);
    try {
      const durability = options.durability ?? 'rename';
      const snapshotFile = new SnapshotFile<Data>(join(options.dir, 'leadsync.json'), durability);
      const db = new Low<Data>(snapshotFile, emptyData());
      await db.read();
      db.data = migrate(db.data as unknown as Record<string, unknown>);
      const { puts, lastGen } = Journal.replay(options.dir, db.data.journalGen);
      for (const line of puts) applyPuts(db.data, line);
      const journal = await Journal.open(options.dir, Math.max(lastGen, db.data.journalGen), durability);
      return new LowdbStore(db, snapshotFile, journal, options.compactAtBytes ?? DEFAULT_COMPACT_BYTES, release);
    } catch (err) {
      release();
      throw err;
    }
  }

  private get data(): Data {
    return this.db.data;
  }

  get<C extends CollectionName>(collection: C, id: string): Collections[C] | undefined {
    return Object.hasOwn(this.data[collection], id) ? (this.data[collection][id] as Collections[C]) : undefined;
  }

  values<C extends CollectionName>(collection: C): Iterable<Collections[C]> {
    return Object.values(this.data[collection]) as Collections[C][];
  }

  size(collection: CollectionName): number {
    return Object.keys(this.data[collection]).length;
  }

  onChange<C extends CollectionName>(collection: C, listener: ChangeListener<C>): void {
    const list = this.listeners.get(collection) ?? [];
    list.push(listener as unknown as ChangeListener<CollectionName>);
    this.listeners.set(collection, list);
    for (const record of this.values(collection)) listener(undefined, record);
  }

  transact<T>(fn: (tx: Tx) => T): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the store is closed'));
    const tx = new BufferedTx(this.data);
    let result: T;
    try {
      result = fn(tx);
    } catch (err) {
      return Promise.reject(err);
    }
    // A change-free transaction may have read state that is not on disk yet: answer after it is.
    if (tx.pending.size === 0 && tx.seq === this.data.seq) return this.durable().then(() => result);
    this.apply(tx);
    return this.commit().then(() => result);
  }

  private apply(tx: BufferedTx): void {
    this.data.seq = tx.seq;
    this.pending.push(['meta', 'seq', tx.seq]);
    for (const [collection, changes] of tx.pending) {
      const table = this.data[collection] as Record<string, Collections[CollectionName]>;
      const listeners = this.listeners.get(collection) ?? [];
      for (const [id, record] of changes) {
        const prev = Object.hasOwn(table, id) ? table[id] : undefined;
        if (record) table[id] = record;
        else delete table[id];
        this.pending.push([collection, id, record]);
        for (const listener of listeners) listener(prev, record ?? undefined);
      }
    }
  }

  private durable(): Promise<void> {
    return this.next?.promise ?? this.writing ?? Promise.resolve();
  }

  /** Resolves once the journal line holding everything applied so far is written. */
  private commit(): Promise<void> {
    const batch = (this.next ??= deferred());
    if (!this.writing) this.startWrite();
    return batch.promise;
  }

  private startWrite(): void {
    const batch = this.next;
    if (!batch) return;
    this.next = null;
    const puts = this.pending;
    this.pending = [];
    this.writing = this.journal
      .append(puts)
      .then(batch.resolve, batch.reject)
      .then(() => this.maybeCompact())
      .finally(() => {
        this.writing = null;
        if (this.next) this.startWrite();
      });
  }

  /** Between two appends: fold the journal into a snapshot once it has grown large. */
  private async maybeCompact(): Promise<void> {
    if (this.compacting || this.journal.bytes < this.compactAtBytes) return;
    await this.startSnapshot();
  }

  /** Takes a consistent view now, moves the journal to a new generation, and writes the view in the background. */
  private async startSnapshot(): Promise<void> {
    const view = snapshotView(this.data);
    const gen = await this.journal.rotate();
    view.meta.journalGen = gen;
    this.compacting = this.snapshotFile
      .writeView(view)
      .then(() => {
        this.journal.dropBefore(gen);
        this.snapshots++;
      })
      .finally(() => {
        this.compacting = null;
      });
  }

  /** Writes a snapshot now and waits for it: the journal starts empty afterwards. */
  async compact(): Promise<void> {
    await this.flush();
    await this.compacting;
    await this.startSnapshot();
    await this.compacting;
  }

  async flush(): Promise<void> {
    while (this.writing || this.next) {
      await (this.next?.promise ?? this.writing);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.flush();
    await this.compacting;
    // A clean stop folds the journal, so the next start reads one file.
    await this.startSnapshot();
    await this.compacting;
    await this.journal.close();
    this.release();
  }
}

/** Journal lines replayed onto loaded data, in order; a later put of a record wins. */
function applyPuts(data: Data, puts: JournalPut[]): void {
  for (const [collection, id, record] of puts) {
    if (collection === 'meta') {
      if (id === 'seq' && typeof record === 'number') data.seq = record;
      continue;
    }
    const table = data[collection] as Record<string, unknown> | undefined;
    if (!table) throw new Error(`journal names an unknown collection ${collection}`);
    if (record === null) delete table[id];
    else table[id] = record;
  }
}

/** The records as they are now. Records are never mutated in place, so holding them is enough. */
function snapshotView(data: Data): SnapshotView {
  const collections = {} as SnapshotView['collections'];
  for (const name of COLLECTIONS) collections[name] = Object.entries(data[name]);
  return { meta: { schemaVersion: data.schemaVersion, seq: data.seq, journalGen: data.journalGen }, collections };
}
