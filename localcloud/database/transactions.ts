import { Query } from 'mingo';
import { randomBytes } from 'node:crypto';
import { CloudError } from '../cloudError';
import { docKey, type Doc } from '../store/bsonValues';
import type { CommittedChange, DocumentStore, DocumentWrite } from '../store/documentStore';
import { ChangeLog, type LoggedChange } from './changeLog';
import { evaluate } from './mingoErrors';
import type { DbSession } from './readView';

/** MongoDB's default transaction lifetime. */
const LIFETIME_MS = 60_000;

const touchKey = (collection: string, key: string): string => `${collection}\u0000${key}`;

interface PointRead {
  readonly collection: string;
  readonly key: string;
}

interface QueryRead {
  readonly collection: string;
  readonly query: Query;
}

/** `{ _id: 'x' }` (every doc() call): a read of one key, present or absent. */
function pointKey(filter: Record<string, unknown>): string | undefined {
  const keys = Object.keys(filter);
  if (keys.length !== 1 || keys[0] !== '_id') return undefined;
  const id = filter._id;
  return typeof id === 'string' || typeof id === 'number' ? docKey(id) : undefined;
}

function conflict(change: LoggedChange): CloudError {
  return new CloudError(
    'DATABASE_TRANSACTION_CONFLICT',
    `database transaction conflict: ${change.collection}/${change.key} was changed by another commit since this transaction began`,
  );
}

/**
 * One open transaction with snapshot isolation. It reads the store as it was when the transaction
 * began (the snapshot), overlaid with its own writes; other commits stay invisible to it. Every
 * read joins its read set: a document by id whether found or absent, a query by its filter. Its
 * writes reach the store only at commit, where the first committer wins: if any document it read
 * or wrote (or any document matching a query it ran, before or after the change) was created,
 * changed or removed by another commit since the snapshot, the commit fails with
 * DATABASE_TRANSACTION_CONFLICT, the one error the SDK's runTransaction retries (inside the
 * callback the SDK wraps errors and drops their code). So no write skew: a transaction that read
 * X absent cannot commit after another created X. A transaction that writes nothing commits
 * always: it saw one consistent snapshot, which is serializable before any later commit.
 */
export class Transaction implements DbSession {
  private readonly writes = new Map<string, DocumentWrite>();
  private readonly pointReads = new Map<string, PointRead>();
  private readonly queryReads: QueryRead[] = [];

  constructor(
    readonly id: string,
    private readonly store: DocumentStore,
    private readonly log: ChangeLog,
    readonly snapshot: number,
    readonly expiresAt: number,
  ) {}

  documents(collection: string): Doc[] {
    const committed = this.store.documents(collection);
    const own = [...this.writes.values()].filter((write) => write.collection === collection);
    const since = new Map<string, LoggedChange>();
    for (const change of this.log.changesAfter(this.snapshot)) if (change.collection === collection) since.set(change.key, change);
    if (own.length === 0 && since.size === 0) return this.store.documentList(collection);
    // `since` ends holding each key's first change after the snapshot (iteration is newest first).
    const visible: Doc[] = [];
    const seen = new Set<string>();
    const show = (key: string, stored: Doc | undefined): void => {
      seen.add(key);
      const write = this.writes.get(touchKey(collection, key));
      const doc = write ? write.doc : since.has(key) ? (since.get(key) as LoggedChange).before : stored;
      if (doc) visible.push(doc);
    };
    for (const [key, stored] of committed) show(key, stored.doc);
    for (const key of since.keys()) if (!seen.has(key)) show(key, undefined);
    for (const write of own) if (!seen.has(write.key)) show(write.key, undefined);
    return visible;
  }

  document(collection: string, key: string): Doc | undefined {
    const write = this.writes.get(touchKey(collection, key));
    if (write) return write.doc ?? undefined;
    const change = this.log.firstChangeAfter(collection, key, this.snapshot);
    if (change) return change.before;
    return this.store.get(collection, key)?.doc;
  }

  noteQuery(collection: string, filter: Record<string, unknown>): void {
    const key = pointKey(filter);
    if (key !== undefined) this.pointReads.set(touchKey(collection, key), { collection, key });
    else this.queryReads.push({ collection, query: evaluate(() => new Query(filter)) });
  }

  write(writes: DocumentWrite[]): void {
    for (const write of writes) this.writes.set(touchKey(write.collection, write.key), write);
  }

  /** The writes to commit, or a conflict error when another commit changed what this one used. */
  writesToCommit(): DocumentWrite[] {
    if (this.writes.size === 0) return [];
    for (const { collection, key } of [...this.writes.values(), ...this.pointReads.values()]) {
      const change = this.log.firstChangeAfter(collection, key, this.snapshot);
      if (change) throw conflict(change);
    }
    if (this.queryReads.length > 0) {
      for (const change of this.log.changesAfter(this.snapshot)) {
        for (const { collection, query } of this.queryReads) {
          if (collection !== change.collection) continue;
          const matches = (doc: Doc | null | undefined): boolean => !!doc && evaluate(() => query.test(doc));
          if (matches(change.before) || matches(change.after)) throw conflict(change);
        }
      }
    }
    return [...this.writes.values()];
  }
}

export class Transactions {
  private readonly open = new Map<string, Transaction>();
  private readonly log = new ChangeLog();

  constructor(
    private readonly store: DocumentStore,
    private readonly now: () => number = Date.now,
  ) {
    store.onCommit((version, changes) => this.record(version, changes));
  }

  start(): Transaction {
    this.expire();
    const transaction = new Transaction(randomBytes(16).toString('hex'), this.store, this.log, this.store.version, this.now() + LIFETIME_MS);
    this.open.set(transaction.id, transaction);
    return transaction;
  }

  find(id: string): Transaction {
    const transaction = this.open.get(id);
    if (!transaction || transaction.expiresAt <= this.now()) {
      this.end(id);
      throw new CloudError('DATABASE_REQUEST_FAILED', `transaction ${id} does not exist, has ended or has expired`);
    }
    return transaction;
  }

  /** Commits or throws; either way the transaction is over (runTransaction starts a new one). */
  commit(id: string): void {
    const transaction = this.find(id);
    try {
      this.store.commit(transaction.writesToCommit());
    } finally {
      this.end(id);
    }
  }

  abort(id: string): void {
    this.find(id);
    this.end(id);
  }

  /** Changes kept for open transactions (0 when none is open). */
  get retainedChanges(): number {
    return this.log.size;
  }

  private record(version: number, changes: readonly CommittedChange[]): void {
    if (this.open.size === 0) return;
    for (const change of changes) this.log.append({ version, ...change });
  }

  private end(id: string): void {
    this.open.delete(id);
    this.expire();
  }

  /** Forgets expired transactions and the changes no open snapshot needs. */
  private expire(): void {
    const now = this.now();
    for (const [id, transaction] of this.open) if (transaction.expiresAt <= now) this.open.delete(id);
    let oldest = this.store.version;
    for (const transaction of this.open.values()) oldest = Math.min(oldest, transaction.snapshot);
    this.log.pruneThrough(oldest);
  }
}
