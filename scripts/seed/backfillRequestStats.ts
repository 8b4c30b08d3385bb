import type { CounterBump } from '../../server/db/requests/requestCounters';
import { counterDocuments, requestContribution } from '../../server/domain/requests/counterRebuild';

/** The part of @cloudbase/node-sdk's database this uses (node-sdk style: set(data), not set({ data })). */
export interface SeedDb {
  command: { gt(value: unknown): unknown; in(values: unknown[]): unknown };
  runTransaction<T>(work: (t: SeedTransaction) => Promise<T>): Promise<T>;
  collection(name: string): {
    where(condition: Record<string, unknown>): SeedQuery;
    orderBy(field: string, order: 'asc' | 'desc'): SeedQuery;
    limit(max: number): SeedQuery;
    doc(id: string): { set(data: object): Promise<unknown>; remove(): Promise<unknown> };
  };
}
/** A transaction's single-document operations (node-sdk style). */
export interface SeedTransaction {
  collection(name: string): { doc(id: string): { get(): Promise<{ data?: unknown }>; set(data: object): Promise<unknown>; remove(): Promise<unknown> } };
}
interface SeedQuery {
  where(condition: Record<string, unknown>): SeedQuery;
  orderBy(field: string, order: 'asc' | 'desc'): SeedQuery;
  limit(max: number): SeedQuery;
  field(projection: Record<string, boolean>): SeedQuery;
  get(): Promise<{ data?: unknown[]; code?: string; message?: string }>;
}

const MARKER = { collection: 'migrations', id: 'request_stats_backfill' };

/** Every document of a collection in _id order, 1,000 a read (a 100,000-request desk: 100 reads). */
async function readAll<T extends { _id: string }>(db: SeedDb, collection: string, fields?: Record<string, boolean>): Promise<T[]> {
  const all: T[] = [];
  for (let after: string | undefined; ; ) {
    let query = db.collection(collection).where(after ? { _id: db.command.gt(after) } : {}).orderBy('_id', 'asc').limit(1000);
    if (fields) query = query.field({ _id: true, ...fields });
    const reply = await query.get();
    if (reply.code) throw new Error(`${collection}: ${reply.code} ${reply.message ?? ''}`);
    const data = (reply.data ?? []) as T[];
    all.push(...data);
    if (data.length < 1000) return all;
    after = (data[data.length - 1] as T)._id;
  }
}

export interface BackfillReport {
  ran: boolean;
  requests: number;
  written: number;
  removed: number;
  /** Documents still changing under the rebuild after its last pass (run it again at a quieter time). */
  unsettled?: number;
}

/** Passes over the requests before giving up on documents that keep changing under the rebuild. */
const MAX_PASSES = 5;

type CounterDoc = { _id: string; rev?: number } & Record<string, unknown>;

/** The document as it is now inside a transaction, or null (a missing document reads as null or rejects). */
async function currentIn(t: SeedTransaction, id: string): Promise<CounterDoc | null> {
  try {
    const { data } = await t.collection('request_stats').doc(id).get();
    const doc = Array.isArray(data) ? data[0] : data;
    return (doc as CounterDoc | undefined) ?? null;
  } catch (error) {
    if (/does not exist|not exist/i.test(String((error as { message?: unknown })?.message ?? error))) return null;
    throw error;
  }
}

/**
 * Writes (or removes) one counter document in a transaction, only if it has not moved since the
 * rebuild read it (same rev, or still missing): a live change that landed in between is in requests
 * the rebuild may have read before it, so its document is left for the next pass. True if written.
 */
async function writeIfUnmoved(db: SeedDb, id: string, seen: CounterDoc | undefined, doc: Record<string, unknown> | null): Promise<boolean> {
  return db.runTransaction(async (t) => {
    const now = await currentIn(t, id);
    if ((now === null) !== (seen === undefined) || (now && (now.rev ?? 0) !== (seen?.rev ?? 0))) return false;
    const ref = t.collection('request_stats').doc(id);
    if (doc) await ref.set({ ...doc, rev: (seen?.rev ?? 0) + 1 });
    else await ref.remove();
    return true;
  });
}

/**
 * The desk counters (request_stats) for requests filed before the counters existed: rebuilt from the
 * requests themselves with the rules live counting uses, so running it again changes nothing. Run
 * once per environment (a marker in `migrations` records it) by `npm run seed` and `npm start`;
 * `force` runs it again (e.g. after restoring requests from a backup) while requests keep changing:
 * each document is written in a transaction only if no live change moved it since the pass read it
 * (its rev), and a moved one is rebuilt again from the requests read afresh, up to MAX_PASSES.
 */
export async function backfillRequestStats(db: SeedDb, now: Date, options: { force?: boolean } = {}): Promise<BackfillReport> {
  const marker = await db.collection(MARKER.collection).where({ _id: MARKER.id }).limit(1).get();
  if (!options.force && (marker.data ?? []).length > 0) return { ran: false, requests: 0, written: 0, removed: 0 };
  type RequestRow = Parameters<typeof requestContribution>[0] & { _id: string };
  let written = 0;
  let removed = 0;
  let requestCount = 0;
  // Documents to (re)consider: all of them at first, then those a live change moved during a pass.
  let pending: Set<string> | null = null;
  for (let pass = 0; pass < MAX_PASSES && (pending === null || pending.size > 0); pass += 1) {
    // The counters first, then the requests: a change committed after this read moves its document's rev.
    const existing = new Map((await readAll<CounterDoc>(db, 'request_stats')).map((d) => [d._id, d]));
    const requests = await readAll<RequestRow>(db, 'requests', { orgId: true, status: true, category: true, overdue: true, createdAt: true, acceptedAt: true, resolvedAt: true, rating: true, timeline: true, followUp: true });
    requestCount = requests.length;
    const wanted = counterDocuments(requests.flatMap((r): CounterBump[] => requestContribution(r)));
    const moved = new Set<string>();
    for (const id of new Set([...wanted.keys(), ...existing.keys()])) {
      if (pending && !pending.has(id)) continue;
      const doc = wanted.get(id) ?? null;
      const { _id: _ignored, rev: _rev, ...current } = existing.get(id) ?? { _id: id };
      if (doc ? existing.has(id) && JSON.stringify(sorted(current)) === JSON.stringify(sorted(doc)) : !existing.has(id)) continue;
      if (!(await writeIfUnmoved(db, id, existing.get(id), doc))) moved.add(id);
      else if (doc) written += 1;
      else removed += 1;
    }
    pending = moved;
  }
  const unsettled = pending?.size ?? 0;
  await db.collection(MARKER.collection).doc(MARKER.id).set({ doneAt: now, requests: requestCount, written, removed, unsettled });
  return { ran: true, requests: requestCount, written, removed, ...(unsettled ? { unsettled } : {}) };
}

/** A counter document's figures in a fixed order, zero counters left out (live counting leaves zeros behind). */
const sorted = (value: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(value)
      .filter(([key, v]) => key === 'filed' || v !== 0)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
