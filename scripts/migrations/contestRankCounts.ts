import type { Database } from '../../server/db/database';
import { boardEntriesAfter, topOfBoard } from '../../server/db/quiz/leaderboards';
import { contestAttemptId, contestBoardKey, contestEndOf, contestOverAt } from '../../server/domain/quiz/contestRules';
import { bucketOf, countAll, countsDocId, doneKept, shardOf, type CountsDoc } from '../../server/points/rankCounts';

/**
 * A worker's place in a contest is 1 + the contest's rank counts above their sort score
 * (board_counts, scope `contest:<id>`, field `a`). Entries of contests that ran before submissions
 * kept those counts are not in them, so everyone below such an entry was ranked too high. For each
 * contest whose counts do not add up to its entries:
 * - over (no paper can still come in): its counts are rebuilt from its entries, exactly as the
 *   submissions would have written them (bucket of the sort score, shard of the attempt). New
 *   documents are written first and stale ones removed after, so a ranking read meanwhile never
 *   finds the counts empty;
 * - still running: left alone (its submissions write counts as they come) and named in the log;
 *   the run leaves no marker then, so a later run (every `npm run seed`) rebuilds it once it is over.
 *
 * Idempotent: a rebuilt contest's counts add up, so a second run passes over it. A run with nothing
 * left waiting leaves a marker in `migrations`, so later runs read nothing more unless forced.
 */
export interface RankCountsReport {
  /** False when an earlier run finished (the marker is there) and this one was not forced. */
  ran: boolean;
  /** Contests whose counts were rebuilt, and how many entries they hold. */
  rebuilt: number;
  entries: number;
  /** Running contests whose counts do not add up yet: for a later run. */
  waiting: string[];
}

const contestPage = 100;
const entryPage = 1000;
const marker = { collection: 'migrations', id: 'contest_rank_counts' };

type StoredContest = { _id: string; endsAt: Date; closedAt?: Date | null };

export async function migrateContestRankCounts(db: Database, actor: string, now: Date, options: { force?: boolean; log?: (line: string) => void } = {}): Promise<RankCountsReport> {
  const _ = db.command;
  const report: RankCountsReport = { ran: false, rebuilt: 0, entries: 0, waiting: [] };
  const done = await db.collection(marker.collection).where({ _id: marker.id }).limit(1).get();
  if (done.data.length > 0 && !options.force) return report;
  report.ran = true;
  for (let after = ''; ; ) {
    const { data } = await db.collection('contests').where({ _id: _.gt(after) }).orderBy('_id', 'asc').field({ _id: true, endsAt: true, closedAt: true }).limit(contestPage).get();
    const contests = data as StoredContest[];
    for (const contest of contests) {
      const scope = contestBoardKey(contest._id);
      const { total } = await db.collection('leaderboards').where({ boardKey: scope }).count();
      const stored = await countsOf(db, scope);
      if (countAll(stored, 'a') === total) continue;
      if (contestOverAt(contestEndOf({ endsAt: new Date(contest.endsAt), closedAt: contest.closedAt ?? null })) > now) {
        report.waiting.push(contest._id);
        options.log?.(`${contest._id}: still running; its rank counts are rebuilt by a run after it ends`);
        continue;
      }
      const rebuilt = await countsFromEntries(db, contest._id, scope);
      for (const doc of rebuilt.values()) {
        const { _id, ...fields } = doc;
        await db.collection('board_counts').doc(_id).set({ data: fields });
      }
      const stale = stored.filter((doc) => !rebuilt.has(doc._id)).map((doc) => doc._id);
      if (stale.length > 0) await db.collection('board_counts').where({ _id: _.in(stale) }).remove();
      report.rebuilt += 1;
      report.entries += total;
      options.log?.(`${contest._id}: rank counts rebuilt from ${total} entries`);
    }
    const last = contests[contests.length - 1];
    if (!last || contests.length < contestPage) break;
    after = last._id;
  }
  // A contest still running is for a later run: the marker waits until none is left.
  if (report.waiting.length === 0) await db.collection(marker.collection).doc(marker.id).set({ data: { finishedAt: now, by: actor, rebuilt: report.rebuilt, entries: report.entries } });
  return report;
}

/** A contest's rank-count documents (at most 20 octaves × 32 shards). */
async function countsOf(db: Database, scope: string): Promise<CountsDoc[]> {
  const { data } = await db.collection('board_counts').where({ scope }).limit(1000).get();
  return data as CountsDoc[];
}

/** The counts a contest's entries make, by document, walking the entries in the board's own index order a page at a time. */
async function countsFromEntries(db: Database, contestId: string, scope: string): Promise<Map<string, CountsDoc>> {
  const docs = new Map<string, CountsDoc>();
  for (let entries = await topOfBoard(db, scope, entryPage); ; ) {
    for (const entry of entries) {
      const attemptId = contestAttemptId(contestId, entry.openid);
      const bucket = bucketOf(entry.score);
      const shard = shardOf(attemptId);
      const id = countsDocId(scope, bucket, shard);
      const doc = docs.get(id) ?? { _id: id, scope, bucket, shard, c: { a: {} }, done: [] };
      const counts = doc.c.a as Record<string, number>;
      counts[`s${entry.score}`] = (counts[`s${entry.score}`] ?? 0) + 1;
      // The last attempts counted, as a submission's `done` keeps them.
      doc.done.push(attemptId);
      if (doc.done.length > doneKept) doc.done.shift();
      docs.set(id, doc);
    }
    const last = entries[entries.length - 1];
    if (!last || entries.length < entryPage) return docs;
    entries = await boardEntriesAfter(db, scope, { score: last.score, id: last._id }, entryPage);
  }
}
