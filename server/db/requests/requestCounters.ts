import type { Database, Transaction } from '../database';

export const REQUEST_STATS = 'request_stats';

/**
 * One counter document per (organisation, filing week): `_id` = `<orgId>:<week>`. Each field is a
 * plain number changed only by atomic increments as requests change, so the dashboard reads a few
 * hundred small documents however many requests there are. `rev` is raised by every live change,
 * so a rebuild (scripts/seed/backfillRequestStats.ts) writes a document only if it has not moved
 * since the rebuild read it.
 */
export interface RequestStatsDoc {
  _id: string;
  orgId: string;
  week: string;
  filed: number;
  /** st_<status>: requests filed that week now in that status. */
  [counter: string]: number | string;
}

/** Increments for the counters of one (organisation, week). */
export interface CounterBump {
  orgId: string;
  week: string;
  inc: Record<string, number>;
}

/** Adds `inc` to the counters of (orgId, week) inside a transaction (it commits with the change it counts), creating the document on first use. */
export async function bumpCountersIn(db: Database, t: Transaction, { orgId, week, inc }: CounterBump): Promise<void> {
  const entries = Object.entries(inc).filter(([, v]) => v !== 0);
  if (entries.length === 0) return;
  const id = `${orgId}:${week}`;
  const ref = t.collection(REQUEST_STATS).doc(id);
  const found = await ref.get().then(
    (reply) => reply.data,
    (error: unknown) => {
      // wx-server-sdk rejects a doc().get() of a missing document: that is "not created yet".
      if (/does not exist/.test(String((error as { errMsg?: unknown })?.errMsg ?? (error as Error)?.message ?? error))) return null;
      throw error;
    },
  );
  const _ = db.command;
  if (found) await ref.update({ data: { ...Object.fromEntries(entries.map(([k, v]) => [k, _.inc(v)])), rev: _.inc(1) } });
  else await ref.set({ data: { orgId, week, filed: 0, ...Object.fromEntries(entries), rev: 1 } });
}

/** Every counter document of these organisations from `fromWeek` on, read 1,000 at a time. */
export async function readCounters(db: Database, orgIds: string[], fromWeek: string): Promise<RequestStatsDoc[]> {
  const _ = db.command;
  const out: RequestStatsDoc[] = [];
  for (let i = 0; i < orgIds.length; i += 200) {
    const chunk = orgIds.slice(i, i + 200);
    for (let page = 0; ; page += 1) {
      const { data } = await db.collection(REQUEST_STATS).where({ orgId: _.in(chunk), week: _.gte(fromWeek) }).orderBy('_id', 'asc').skip(page * 1000).limit(1000).get();
      out.push(...(data as RequestStatsDoc[]));
      if (data.length < 1000) break;
    }
  }
  return out;
}
