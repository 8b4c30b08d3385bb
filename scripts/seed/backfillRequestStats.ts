import type { CounterBump } from '../../server/db/requests/requestCounters';
import { counterDocuments, requestContribution } from '../../server/domain/requests/counterRebuild';

/** The part of @cloudbase/node-sdk's database this uses (node-sdk style: set(data), not set({ data })). */
export interface SeedDb {
  command: { gt(value: unknown): unknown; in(values: unknown[]): unknown };
  collection(name: string): {
    where(condition: Record<string, unknown>): SeedQuery;
    orderBy(field: string, order: 'asc' | 'desc'): SeedQuery;
    limit(max: number): SeedQuery;
    doc(id: string): { set(data: object): Promise<unknown>; remove(): Promise<unknown> };
  };
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
}

/**
 * The desk counters (request_stats) for requests filed before the counters existed: rebuilt from the
 * requests themselves with the rules live counting uses, so running it again changes nothing. Run
 * once per environment (a marker in `migrations` records it) by `npm run seed` and `npm start`;
 * `force` runs it again (e.g. after restoring requests from a backup), best at a quiet time, since
 * a request changed while it runs is counted as it was read.
 */
export async function backfillRequestStats(db: SeedDb, now: Date, options: { force?: boolean } = {}): Promise<BackfillReport> {
  const marker = await db.collection(MARKER.collection).where({ _id: MARKER.id }).limit(1).get();
  if (!options.force && (marker.data ?? []).length > 0) return { ran: false, requests: 0, written: 0, removed: 0 };
  type RequestRow = Parameters<typeof requestContribution>[0] & { _id: string };
  const requests = await readAll<RequestRow>(db, 'requests', { orgId: true, status: true, category: true, overdue: true, createdAt: true, acceptedAt: true, resolvedAt: true, rating: true, timeline: true, followUp: true });
  const wanted = counterDocuments(requests.flatMap((r): CounterBump[] => requestContribution(r)));
  const existing = new Map((await readAll<{ _id: string } & Record<string, unknown>>(db, 'request_stats')).map((d) => [d._id, d]));
  let written = 0;
  let removed = 0;
  for (const [id, doc] of wanted) {
    const { _id: _ignored, ...current } = existing.get(id) ?? { _id: id };
    if (JSON.stringify(sorted(current)) === JSON.stringify(sorted(doc))) continue;
    await db.collection('request_stats').doc(id).set(doc);
    written += 1;
  }
  for (const id of existing.keys()) {
    if (wanted.has(id)) continue;
    await db.collection('request_stats').doc(id).remove();
    removed += 1;
  }
  await db.collection(MARKER.collection).doc(MARKER.id).set({ doneAt: now, requests: requests.length, written, removed });
  return { ran: true, requests: requests.length, written, removed };
}

/** A counter document's figures in a fixed order, zero counters left out (live counting leaves zeros behind). */
const sorted = (value: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(value)
      .filter(([key, v]) => key === 'filed' || v !== 0)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
