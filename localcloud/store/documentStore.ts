import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { CollectionDeclaration } from '../collectionsFile';
import { collectionNotFound } from '../cloudError';
import { decodeStored, encodeStored, type Doc } from './bsonValues';
import { OrderedIndex } from './orderedIndex';
import { UniqueIndex } from './uniqueIndex';

/** A committed document and the store version of the commit that last wrote it. */
export interface StoredDocument {
  readonly doc: Doc;
  readonly version: number;
}

/** One document written by a commit: `doc: null` removes it. `key` is docKey(_id). */
export interface DocumentWrite {
  readonly collection: string;
  readonly key: string;
  readonly doc: Doc | null;
}

/** What a commit did to one document (`before` undefined: created; `after` null: removed). */
export interface CommittedChange {
  readonly collection: string;
  readonly key: string;
  readonly before: Doc | undefined;
  readonly after: Doc | null;
}

export type CommitListener = (version: number, changes: readonly CommittedChange[]) => void;

interface LoadedCollection {
  readonly docs: Map<string, StoredDocument>;
  readonly unique: UniqueIndex[];
  readonly ordered: OrderedIndex[];
}

/**
 * The durable document store: SQLite (better-sqlite3) in WAL mode with synchronous=FULL, so a
 * commit is on disk when `commit` returns and a process killed at any point reopens cleanly.
 * Each collection is also held in memory (loaded on first use) for mingo to evaluate queries, with
 * its declared indexes kept in order for reads; memory changes only after the SQLite transaction
 * has committed. Stored documents are never mutated in place: readers may hold them while
 * writers replace them.
 */
export class DocumentStore {
  private readonly names = new Set<string>();
  private readonly loaded = new Map<string, LoadedCollection>();
  private readonly indexDeclarations = new Map<string, CollectionDeclaration['indexes']>();
  private lastVersion: number;
  private readonly listeners: CommitListener[] = [];
  private readonly statements: {
    addCollection: Database.Statement;
    load: Database.Statement;
    put: Database.Statement;
    remove: Database.Statement;
  };

  private constructor(
    private readonly db: Database.Database,
    declarations: CollectionDeclaration[],
  ) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS collections (name TEXT PRIMARY KEY, created_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS documents (
        collection TEXT NOT NULL,
        id TEXT NOT NULL,
        version INTEGER NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (collection, id)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `);
    // A write at open takes the exclusive lock now, so a second process on the same data
    // directory fails here instead of serving from a stale in-memory copy.
    db.prepare(`INSERT OR REPLACE INTO store_meta (key, value) VALUES ('opened_at', ?)`).run(new Date().toISOString());
    this.statements = {
      addCollection: db.prepare('INSERT OR IGNORE INTO collections (name, created_at) VALUES (?, ?)'),
      load: db.prepare('SELECT id, version, body FROM documents WHERE collection = ?'),
      put: db.prepare('INSERT OR REPLACE INTO documents (collection, id, version, body) VALUES (?, ?, ?, ?)'),
      remove: db.prepare('DELETE FROM documents WHERE collection = ? AND id = ?'),
    };
    for (const row of db.prepare('SELECT name FROM collections').all() as Array<{ name: string }>) {
      this.names.add(row.name);
    }
    this.lastVersion = (db.prepare('SELECT MAX(version) AS v FROM documents').get() as { v: number | null }).v ?? 0;
    for (const declaration of declarations) {
      this.indexDeclarations.set(declaration.name, declaration.indexes);
      this.createCollection(declaration.name);
    }
  }

  static open(dataDir: string, declarations: CollectionDeclaration[]): DocumentStore {
    mkdirSync(dataDir, { recursive: true });
    // No busy wait: only one connection ever uses the file (a second process is refused at once).
    const db = new Database(path.join(dataDir, 'documents.sqlite'), { timeout: 0 });
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('locking_mode = EXCLUSIVE');
      return new DocumentStore(db, declarations);
    } catch (error) {
      db.close();
      if ((error as { code?: string }).code === 'SQLITE_BUSY') {
        throw new Error(`the local cloud data directory ${dataDir} is in use by another process`);
      }
      throw error;
    }
  }

  /** The version of the latest commit: a transaction's snapshot. */
  get version(): number {
    return this.lastVersion;
  }

  /** Called after every commit, once memory reflects it. */
  onCommit(listener: CommitListener): void {
    this.listeners.push(listener);
  }

  hasCollection(name: string): boolean {
    return this.names.has(name);
  }

  /** Creates the collection if it is missing; false when it already existed. */
  createCollection(name: string): boolean {
    if (this.names.has(name)) return false;
    this.statements.addCollection.run(name, new Date().toISOString());
    this.names.add(name);
    return true;
  }

  /** All committed documents of a collection, by key. */
  documents(collection: string): ReadonlyMap<string, StoredDocument> {
    return this.collection(collection).docs;
  }

  /** The committed documents of a collection as a list, for mingo. */
  documentList(collection: string): Doc[] {
    return Array.from(this.collection(collection).docs.values(), (stored) => stored.doc);
  }

  get(collection: string, key: string): StoredDocument | undefined {
    return this.collection(collection).docs.get(key);
  }

  /** The collection's declared indexes, kept in order for reads (see OrderedIndex). */
  orderedIndexes(collection: string): readonly OrderedIndex[] {
    return this.collection(collection).ordered;
  }

  /**
   * Applies the writes atomically and durably, or throws (duplicate key, missing collection)
   * with nothing applied. Returns the version given to every written document.
   */
  commit(writes: readonly DocumentWrite[]): number {
    if (writes.length === 0) return this.lastVersion;
    const collections = new Map(writes.map((write) => [write.collection, this.collection(write.collection)]));
    this.checkUnique(writes, collections);
    const version = this.lastVersion + 1;
    this.db.transaction(() => {
      for (const { collection, key, doc } of writes) {
        if (doc) this.statements.put.run(collection, key, version, encodeStored(doc));
        else this.statements.remove.run(collection, key);
      }
    })();
    this.lastVersion = version;
    const changes = new Map<string, { removed: Array<[Doc, string]>; added: Array<[Doc, string]> }>();
    const committed: CommittedChange[] = [];
    for (const { collection, key, doc } of writes) {
      const { docs, unique } = collections.get(collection) as LoadedCollection;
      let change = changes.get(collection);
      if (!change) changes.set(collection, (change = { removed: [], added: [] }));
      const old = docs.get(key);
      committed.push({ collection, key, before: old?.doc, after: doc });
      if (old) {
        change.removed.push([old.doc, key]);
        for (const index of unique) index.remove(old.doc, key);
      }
      if (doc) {
        docs.set(key, { doc, version });
        change.added.push([doc, key]);
      } else {
        docs.delete(key);
      }
    }
    for (const [collection, { removed, added }] of changes) {
      const { unique, ordered } = collections.get(collection) as LoadedCollection;
      for (const [doc, key] of added) for (const index of unique) index.add(doc, key);
      for (const index of ordered) index.update(removed, added);
    }
    for (const listener of this.listeners) listener(version, committed);
    return version;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private collection(name: string): LoadedCollection {
    const found = this.loaded.get(name);
    if (found) return found;
    if (!this.names.has(name)) throw collectionNotFound(name);
    const docs = new Map<string, StoredDocument>();
    const declared = this.indexDeclarations.get(name) ?? [];
    const unique = declared.filter((index) => index.unique).map((index) => new UniqueIndex(name, index));
    for (const row of this.statements.load.iterate(name) as Iterable<{ id: string; version: number; body: string }>) {
      const doc = decodeStored(row.body);
      docs.set(row.id, { doc, version: row.version });
      for (const index of unique) index.add(doc, row.id);
    }
    const ordered = declared.map((index) => new OrderedIndex(index));
    if (ordered.length > 0) {
      const all = Array.from(docs, ([key, stored]): [Doc, string] => [stored.doc, key]);
      for (const index of ordered) index.update([], all);
    }
    const loaded = { docs, unique, ordered };
    this.loaded.set(name, loaded);
    return loaded;
  }

  /** Every unique key a write claims must be free, or held by a document this batch rewrites. */
  private checkUnique(writes: readonly DocumentWrite[], collections: Map<string, LoadedCollection>): void {
    const rewritten = new Set(writes.map((write) => `${write.collection}\u0000${write.key}`));
    for (const [name, { unique }] of collections) {
      for (const index of unique) {
        const claimed = new Map<string, string>();
        for (const { collection, key, doc } of writes) {
          if (collection !== name || !doc) continue;
          const indexKey = index.keyOf(doc);
          const owner = index.ownerOf(indexKey);
          const takenByOther = owner !== undefined && owner !== key && !rewritten.has(`${name}\u0000${owner}`);
          const claimedInBatch = claimed.has(indexKey) && claimed.get(indexKey) !== key;
          if (takenByOther || claimedInBatch) throw index.duplicateError(doc);
          claimed.set(indexKey, key);
        }
      }
    }
  }
}
