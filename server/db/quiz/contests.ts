import type { HistoryKey } from '../../contracts/content';
import { rankFromCounts } from '../../points/boardReads';
import { addToRankCounts } from '../../points/boardWrites';
import type { Database } from '../database';

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
}

const contests = 'contests';

/** A worker's place in a contest: one entry in leaderboards, ranked by score then time (contestSortScore). */
export async function addContestEntry(db: Database, entry: { boardKey: string; openid: string; orgId: string | null; nickname: string; sortScore: number; paperScore: number; timeUsedSeconds: number }): Promise<void> {
  const { sortScore, ...rest } = entry;
  await db.collection('leaderboards').add({ data: { _id: `${entry.boardKey}|${entry.openid}`, ...rest, score: sortScore } });
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
  return doc ? { ...doc, startsAt: new Date(doc.startsAt), endsAt: new Date(doc.endsAt) } : null;
}

export async function addContest(db: Database, doc: ContestDoc): Promise<void> {
  await db.collection(contests).add({ data: doc });
}

/** Contests not yet ended, soonest ending first (index endsAt_1). */
export async function unfinishedContests(db: Database, now: Date): Promise<ContestDoc[]> {
  const _ = db.command;
  const { data } = await db.collection(contests).where({ endsAt: _.gt(now) }).orderBy('endsAt', 'asc').limit(50).get();
  return (data as ContestDoc[]).map((d) => ({ ...d, startsAt: new Date(d.startsAt), endsAt: new Date(d.endsAt) }));
}

/** Index createdBy_1_startsAt_-1. */
export async function contestsCreatedBy(db: Database, openid: string): Promise<ContestDoc[]> {
  const { data } = await db.collection(contests).where({ createdBy: openid }).orderBy('startsAt', 'desc').limit(50).get();
  return (data as ContestDoc[]).map((d) => ({ ...d, startsAt: new Date(d.startsAt), endsAt: new Date(d.endsAt) }));
}

/** One aggregation over the contest's entries (its participants, not every worker). */
export async function contestParticipationByOrg(db: Database, boardKey: string): Promise<Array<{ orgId: string | null; participants: number; averageScore: number }>> {
  const reply = (await db.collection('leaderboards').aggregate().match({ boardKey }).group({ _id: '$orgId', participants: { $sum: 1 }, averageScore: { $avg: '$paperScore' } }).limit(1000).end()) as { list?: unknown[]; data?: unknown[] };
  return ((reply.list ?? reply.data ?? []) as Array<{ _id: string | null; participants: number; averageScore: number }>).map((g) => ({ orgId: g._id ?? null, participants: g.participants, averageScore: g.averageScore }));
}
