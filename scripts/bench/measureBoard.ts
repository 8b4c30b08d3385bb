import { ownRank, topOfBoard } from '../../server/db/quiz/leaderboards';
import type { Database } from '../../server/db/database';

export interface BoardTimes {
  indexedMs: number;
  naiveMs: number;
  rank: number;
  naiveRank: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = process.hrtime.bigint();
  const value = await work();
  return [Number(process.hrtime.bigint() - started) / 1e6, value];
}

/** What getLeaderboard does: the worker's entry, an indexed count above it, and the top 100. */
async function indexedWay(db: Database, boardKey: string, openid: string): Promise<number> {
  const [mine] = await Promise.all([ownRank(db, boardKey, openid), topOfBoard(db, boardKey, 100)]);
  return mine?.rank ?? 0;
}

/** The naive way: sort every entry of the board, and count everyone above by scanning (no index). */
async function naiveWay(db: Database, boardKey: string, myScore: number): Promise<number> {
  const _ = db.command;
  const boards = db.collection('leaderboards');
  await boards.aggregate().match({ boardKey }).sort({ score: -1 }).limit(100).end();
  // The Node SDK answers { data }, wx-server-sdk { list }.
  const reply = (await boards.aggregate().match({ boardKey, score: _.gt(myScore) }).count('above').end()) as { list?: unknown[]; data?: unknown[] };
  const rows = (reply.list ?? reply.data ?? []) as Array<{ above?: number }>;
  return (rows[0]?.above ?? 0) + 1;
}

export async function measureBoard(db: Database, boardKey: string, openid: string, myScore: number, runs: { indexed: number; naive: number }): Promise<BoardTimes> {
  const indexed: number[] = [];
  let rank = 0;
  for (let i = 0; i < runs.indexed; i += 1) {
    const [ms, value] = await timed(() => indexedWay(db, boardKey, openid));
    indexed.push(ms);
    rank = value;
  }
  const naive: number[] = [];
  let naiveRank = 0;
  for (let i = 0; i < runs.naive; i += 1) {
    const [ms, value] = await timed(() => naiveWay(db, boardKey, myScore));
    naive.push(ms);
    naiveRank = value;
  }
  return { indexedMs: median(indexed), naiveMs: median(naive), rank, naiveRank };
}
