import { randomBytes } from 'node:crypto';
import { CloudError } from '../cloudError';
import { docKey, type Doc } from '../store/bsonValues';
import type { DocumentStore, DocumentWrite } from '../store/documentStore';
import type { DbSession } from './readView';

/** MongoDB's default transaction lifetime. */
const LIFETIME_MS = 60_000;

interface Touched {
  readonly collection: string;
  readonly key: string;
  /** Store version of the document when this transaction first saw it (0: it did not exist). */
  readonly baseVersion: number;
  readonly doc: Doc | null;
  readonly written: boolean;
}

const touchKey = (collection: string, key: string): string => `${collection}\u0000${key}`;

/**
 * One open transaction. It reads the committed store overlaid with its own writes, and re-reads a
 * document it has already seen unchanged. Its writes reach the store only at commit, where the
 * first committer wins: a document it wrote that another commit changed since this transaction
 * first saw it fails the commit with DATABASE_TRANSACTION_CONFLICT, the one error the SDK's
 * runTransaction retries (inside the callback the SDK wraps errors and drops their code).
 */
export class Transaction implements DbSession {
  private readonly touched = new Map<string, Touched>();

  constructor(
    readonly id: string,
    private readonly store: DocumentStore,
    readonly expiresAt: number,
  ) {}

  documents(collection: string): Doc[] {
    const mine = [...this.touched.values()].filter((entry) => entry.collection === collection);
    if (mine.length === 0) return this.store.documentList(collection);
    const committed = this.store.documents(collection);
    const visible: Doc[] = [];
    for (const [key, stored] of committed) {
      const entry = this.touched.get(touchKey(collection, key));
      if (!entry) visible.push(stored.doc);
      else if (entry.doc) visible.push(entry.doc);
    }
    for (const entry of mine) if (entry.doc && !committed.has(entry.key)) visible.push(entry.doc);
    return visible;
  }

  document(collection: string, key: string): Doc | undefined {
    const entry = this.touched.get(touchKey(collection, key));
    if (entry) return entry.doc ?? undefined;
    return this.store.get(collection, key)?.doc;
  }

  noteRead(collection: string, docs: readonly Doc[]): void {
    for (const doc of docs) {
      const key = docKey(doc._id);
      if (this.touched.has(touchKey(collection, key))) continue;
      const stored = this.store.get(collection, key);
      if (stored) this.touched.set(touchKey(collection, key), { collection, key, baseVersion: stored.version, doc: stored.doc, written: false });
    }
  }

  write(writes: DocumentWrite[]): void {
    for (const { collection, key, doc } of writes) {
      const id = touchKey(collection, key);
      const baseVersion = this.touched.get(id)?.baseVersion ?? this.store.get(collection, key)?.version ?? 0;
      this.touched.set(id, { collection, key, baseVersion, doc, written: true });
    }
  }

  /** The writes to commit, or a conflict error when another commit got there first. */
  writesToCommit(): DocumentWrite[] {
    const writes: DocumentWrite[] = [];
    for (const entry of this.touched.values()) {
      if (!entry.written) continue;
      const currentVersion = this.store.get(entry.collection, entry.key)?.version ?? 0;
      if (currentVersion !== entry.baseVersion) {
        throw new CloudError(
          'DATABASE_TRANSACTION_CONFLICT',
          `database transaction conflict: ${entry.collection}/${entry.key} was changed by another commit (write conflict)`,
        );
      }
      writes.push({ collection: entry.collection, key: entry.key, doc: entry.doc });
    }
    return writes;
  }
}

export class Transactions {
  private readonly open = new Map<string, Transaction>();

  constructor(
    private readonly store: DocumentStore,
    private readonly now: () => number = Date.now,
  ) {}

  start(): Transaction {
    for (const [id, transaction] of this.open) if (transaction.expiresAt <= this.now()) this.open.delete(id);
    const transaction = new Transaction(randomBytes(16).toString('hex'), this.store, this.now() + LIFETIME_MS);
    this.open.set(transaction.id, transaction);
    return transaction;
  }

  find(id: string): Transaction {
    const transaction = this.open.get(id);
    if (!transaction || transaction.expiresAt <= this.now()) {
      this.open.delete(id);
      throw new CloudError('DATABASE_REQUEST_FAILED', `transaction ${id} does not exist, has ended or has expired`);
    }
    return transaction;
  }

  /** Commits or throws; either way the transaction is over (runTransaction starts a new one). */
  commit(id: string): void {
    const transaction = this.find(id);
    this.open.delete(id);
    this.store.commit(transaction.writesToCommit());
  }

  abort(id: string): void {
    this.find(id);
    this.open.delete(id);
  }
}
