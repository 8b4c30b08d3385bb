import type { HistoryKey } from '../../contracts/content';
import { participants, rankFromCounts } from '../../points/boardReads';
import { addToRankCounts } from '../../points/boardWrites';
import { contestBoardKey, contestOverAt } from '../../domain/quiz/contestRules';
import type { Database } from '../database';
import type { TalliedEntry } from './contestTallies';

export interface ContestDoc {
  _id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  histories: HistoryKey[];
  questionCount: number;
  timeLimitSeconds: number;
  orgIds: string[];
  createdBy: string;
  createdAt: Date;
  /** Set when it was ended early (its endsAt is then that moment). */
  closedAt?: Date;
  closedBy?: string;
}

const contests = 'contests';

/**
 * A worker's place in a contest: one entry in leaderboards, ranked by score then time
 * (contestSortScore), born untallied (contestTallies.ts counts it once). The entry written, or null
 * when it was there already (the fixed id lets only the first submission's entry in).
 */
export async function addContestEntry(db: Database, entry: { boardKey: string; openid: string; orgId: string | null; nickname: string; sortScore: number; paperScore: number; timeUsedSeconds: number }): Promise<TalliedEntry | null> {
  const { sortScore, ...rest } = entry;
  const doc = { _id: `${entry.boardKey}|${entry.openid}`, ...rest, score: sortScore, tallied: false };
  return db
    .collection('leaderboards')
    .add({ data: doc })
    .then(
      () => doc,
      () => null,
    );
}

/**
 * The entry in the contest's rank counts (board_counts, scope = the board key, bucket = octave of
 * the sort score, shard = hash of the attempt): once per attempt, whoever runs it and however often.
 */
export async function addContestRankCount(db: Database, boardKey: string, attemptId: string, sortScore: number, now: Date): Promise<void> {
  await addToRankCounts(db, [{ scope: boardKey, before: { day: null, week: null, all: null }, after: { day: null, week: null, all: sortScore } }], attemptId, now);
}

/**
 * 1 + the participants with a higher sort score, from the rank counts: sort scores stay below
 * 1,010,000 (20 octaves), so at most 20 × 32 documents, however many take part.
 */
export async function contestRank(db: Database, boardKey: string, sortScore: number): Promise<number> {
  return rankFromCounts(db, boardKey, 'a', sortScore);
}

export async function findContest(db: Database, contestId: string): Promise<ContestDoc | null> {
  const { data } = await db.collection(contests).where({ _id: contestId }).limit(1).get();
  const doc = data[0] as ContestDoc | undefined;
  return doc ? withDates(doc) : null;
}

export async function addContest(db: Database, doc: ContestDoc): Promise<void> {
  await db.collection(contests).add({ data: doc });
}

type Cursor = { value: Date; id: string } | undefined;

/**
 * `base` after the cursor in (startsAt, _id) descending order. The plain bound on startsAt lets the
 * index walk start at the cursor (the $or alone would not); _id breaks ties of equal starts.
 */
function afterCursor(db: Database, base: Record<string, unknown>, cursor: Cursor): Record<string, unknown> {
  if (!cursor) return base;
  const _ = db.command;
  return _.and([{ ...base, startsAt: _.lte(cursor.value) }, _.or([{ startsAt: _.lt(cursor.value) }, { startsAt: cursor.value, _id: _.lt(cursor.id) }])]) as unknown as Record<string, unknown>;
}

async function contestPage(db: Database, base: Record<string, unknown>, cursor: Cursor, limit: number): Promise<ContestDoc[]> {
  const { data } = await db.collection(contests).where(afterCursor(db, base, cursor)).orderBy('startsAt', 'desc').orderBy('_id', 'desc').limit(limit).get();
  return (data as ContestDoc[]).map(withDates);
}

/**
 * A page of the contests a cadre created, latest start first, after `cursor` (the previous page's
 * last start and id), on the index createdBy_1_startsAt_-1__id_-1: never a growing skip.
 */
export async function contestsCreatedBy(db: Database, openid: string, cursor: Cursor, limit: number): Promise<ContestDoc[]> {
  return contestPage(db, { createdBy: openid }, cursor, limit);
}

/**
 * At most this many organisations per `$in`: MongoDB merges one sorted index walk per value for up to
 * 200 of them; past that it reads every match and sorts in memory (internalQueryMaxScansToExplode).
 */
const ORGS_PER_QUERY = 200;

const newestFirst = (a: ContestDoc, b: ContestDoc) => b.startsAt.getTime() - a.startsAt.getTime() || (a._id < b._id ? 1 : a._id > b._id ? -1 : 0);

/**
 * A page of the contests for any of `orgIds`, or of every contest ('all': a province-level admin,
 * whose scope is the whole tree, so no list of every organisation), latest start first, after
 * `cursor`. 'all' walks startsAt_-1__id_-1; a list walks orgIds_1_startsAt_-1__id_-1 (multikey: one
 * entry per organisation of a contest), ORGS_PER_QUERY organisations a query, each the page after
 * the cursor, merged by the sort key (a contest for organisations in two queries counted once), so
 * the first `limit` of the merge are the first `limit` of the whole list.
 */
export async function contestsForOrgs(db: Database, orgIds: readonly string[] | 'all', cursor: Cursor, limit: number): Promise<ContestDoc[]> {
  if (orgIds === 'all') return contestPage(db, {}, cursor, limit);
  const ids = [...new Set(orgIds)];
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += ORGS_PER_QUERY) chunks.push(ids.slice(i, i + ORGS_PER_QUERY));
  const pages = await Promise.all(chunks.map((chunk) => contestPage(db, { orgIds: db.command.in(chunk) }, cursor, limit)));
  const unique = new Map(pages.flat().map((c) => [c._id, c]));
  return [...unique.values()].sort(newestFirst).slice(0, limit);
}

function withDates(d: ContestDoc): ContestDoc {
  return { ...d, startsAt: new Date(d.startsAt), endsAt: new Date(d.endsAt), ...(d.closedAt ? { closedAt: new Date(d.closedAt) } : {}) };
}

/**
 * Ends a running contest at `now` (one conditional update: only while it has started and not yet
 * ended, so two closes, or a close racing the planned end, change it once). True when this call closed it.
 */
export async function closeContestAt(db: Database, contestId: string, now: Date, by: string): Promise<boolean> {
  const _ = db.command;
  const { stats } = await db
    .collection(contests)
    .where({ _id: contestId, startsAt: _.lte(now), endsAt: _.gt(now) })
    .update({ data: { endsAt: now, closedAt: now, closedBy: by } });
  return stats.updated > 0;
}

/** A contest's end (planned, or the close) and whether it was closed early: one small read. */
export async function contestEnd(db: Database, contestId: string): Promise<{ endsAt: Date; closedEarly: boolean } | null> {
  const { data } = await db.collection(contests).where({ _id: contestId }).field({ endsAt: true, closedAt: true }).limit(1).get();
  const doc = data[0] as { endsAt: Date | string; closedAt?: Date | string } | undefined;
  return doc ? { endsAt: new Date(doc.endsAt), closedEarly: Boolean(doc.closedAt) } : null;
}

/** When each contest named is over (its end plus the grace), for those found (one read). */
export async function contestsOverAt(db: Database, contestIds: string[]): Promise<Map<string, Date>> {
  const found = await contestTitlesAndEnds(db, contestIds);
  return new Map([...found].map(([id, contest]) => [id, contest.overAt]));
}

/** Each contest's title and the moment it is over (its answers open then): one read. */
export async function contestTitlesAndEnds(db: Database, contestIds: string[]): Promise<Map<string, { title: string; overAt: Date }>> {
  if (contestIds.length === 0) return new Map();
  const _ = db.command;
  const { data } = await db.collection(contests).where({ _id: _.in(contestIds) }).field({ _id: true, title: true, endsAt: true, closedAt: true }).limit(contestIds.length).get();
  return new Map((data as Array<{ _id: string; title: string; endsAt: Date | string; closedAt?: Date | string }>).map((d) => [d._id, { title: d.title, overAt: contestOverAt({ endsAt: new Date(d.endsAt), closedEarly: Boolean(d.closedAt) }) }]));
}

/**
 * How many took part in each of the given contests: a read of each contest's rank counts (at most
 * 20 octaves × 32 shards however many took part), not a count over its entries.
 */
export async function participantsOf(db: Database, contestIds: string[]): Promise<Map<string, number>> {
  const counts = await Promise.all(contestIds.map(async (id) => [id, (await participants(db, contestBoardKey(id), ['a'])).get('a') ?? 0] as const));
  return new Map(counts);
}
