import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { acquireLock } from './lock.ts';
import { emptyData, migrate } from './migrations.ts';
import { SnapshotFile, type Durability } from './snapshot-file.ts';
import { COLLECTIONS, type ChangeListener, type CollectionName, type Collections, type Data, type Store, type Tx } from './types.ts';

export interface LowdbStoreOptions {
  dir: string;
  durability?: Durability;
}

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
 * The default store: one lowdb JSON snapshot in DATA_DIR, written with group commit. Changes made
 * while a snapshot is being written wait and share the next one; each caller is answered only once
 * the snapshot that holds its change has been renamed into place.
 */
export class LowdbStore implements Store {
  private readonly listeners = new Map<CollectionName, ChangeListener<CollectionName>[]>();
  private writing: Promise<void> | null = null;
  private next: Deferred | null = null;
  private closed = false;

  private constructor(
    private readonly db: Low<Data>,
    private readonly release: () => void,
  ) {}

  static async open(options: LowdbStoreOptions): Promise<LowdbStore> {
    mkdirSync(options.dir, { recursive: true });
    const release = acquireLock(options.dir);
    try {
      const db = new Low<Data>(new SnapshotFile<Data>(join(options.dir, 'leadsync.json'), options.durability), emptyData());
      await db.read();
      db.data = migrate(db.data as unknown as Record<string, unknown>);
      return new LowdbStore(db, release);
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
    for (const [collection, changes] of tx.pending) {
      const table = this.data[collection] as Record<string, Collections[CollectionName]>;
      const listeners = this.listeners.get(collection) ?? [];
      for (const [id, record] of changes) {
        const prev = Object.hasOwn(table, id) ? table[id] : undefined;
        if (record) table[id] = record;
        else delete table[id];
        for (const listener of listeners) listener(prev, record ?? undefined);
      }
    }
  }

  private durable(): Promise<void> {
    return this.next?.promise ?? this.writing ?? Promise.resolve();
  }

  /** Resolves once a snapshot that started after this call has landed. */
  private commit(): Promise<void> {
    const batch = (this.next ??= deferred());
    if (!this.writing) this.startWrite();
    return batch.promise;
  }

  private startWrite(): void {
    const batch = this.next;
    if (!batch) return;
    this.next = null;
    this.writing = this.db.write().then(batch.resolve, batch.reject).finally(() => {
      this.writing = null;
      if (this.next) this.startWrite();
    });
  }

  async flush(): Promise<void> {
    while (this.writing || this.next) {
      await (this.next?.promise ?? this.writing);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.flush();
    this.closed = true;
    this.release();
  }
}

