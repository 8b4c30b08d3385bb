import type { Database } from '../../server/db/database';
import { ownEntry, periodScore, rankOf, topOf } from '../../server/points/boardReads';

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

/** What getLeaderboard does: the top 100, the worker's entry, and the rank counts above it. */
async function countedWay(db: Database, scope: string, openid: string): Promise<number> {
  const now = new Date();
  const [, entry] = await Promise.all([topOf(db, scope, 'all', now, 100), ownEntry(db, scope, openid)]);
  const score = periodScore(entry, 'all', now);
  return score === null ? 0 : rankOf(db, scope, 'all', now, score);
}

/** The naive way: sort every entry of the board, and count everyone above by scanning (no index). */
async function naiveWay(db: Database, scope: string, myScore: number): Promise<number> {
  const _ = db.command;
  const entries = db.collection('board_entries');
  await entries.aggregate().match({ scope }).sort({ allScore: -1 }).limit(100).end();
  // The Node SDK answers { data }, wx-server-sdk { list }.
  const reply = (await entries.aggregate().match({ scope, allScore: _.gt(myScore) }).count('above').end()) as { list?: unknown[]; data?: unknown[] };
  const rows = (reply.list ?? reply.data ?? []) as Array<{ above?: number }>;
  return (rows[0]?.above ?? 0) + 1;
}

export async function measureBoard(db: Database, scope: string, openid: string, myScore: number, runs: { indexed: number; naive: number }): Promise<BoardTimes> {
  const indexed: number[] = [];
  let rank = 0;
  for (let i = 0; i < runs.indexed; i += 1) {
    const [ms, value] = await timed(() => countedWay(db, scope, openid));
    indexed.push(ms);
    rank = value;
  }
  const naive: number[] = [];
  let naiveRank = 0;
  for (let i = 0; i < runs.naive; i += 1) {
    const [ms, value] = await timed(() => naiveWay(db, scope, myScore));
    naive.push(ms);
    naiveRank = value;
  }
  return { indexedMs: median(indexed), naiveMs: median(naive), rank, naiveRank };
}
