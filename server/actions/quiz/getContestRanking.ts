import { getContestRanking as contract } from '../../contracts/quiz';
import type { ContestRanking, ContestRankRow } from '../../contracts/quiz';
import { findContest } from '../../db/quiz/contests';
import { ownRank, topOfBoard } from '../../db/quiz/leaderboards';
import { contestBoardKey } from '../../domain/quiz/contestRules';
import { entryId } from '../../points/boardKeys';
import { pointsCollections } from '../../points/pointsCollections';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';

type ContestEntry = { openid: string; nickname: string; score: number; paperScore: number; timeUsedSeconds: number };

export const getContestRanking: Handler<typeof contract> = async (input, ctx) => {
  const { db, openid } = ctx;
  const contest = await findContest(db, input.contestId);
  if (!contest) throw failWith(contract, 'CONTEST_NOT_FOUND', '没有找到这个竞赛');
  const key = contestBoardKey(contest._id);
  const [top, mine] = await Promise.all([topOfBoard(db, key, 100) as unknown as Promise<ContestEntry[]>, ownRank(db, key, openid)]);
  const rows: ContestRankRow[] = top.map((e, i) => ({ rank: i + 1, nickname: e.nickname, score: e.paperScore, timeUsedSeconds: e.timeUsedSeconds, me: e.openid === openid }));
  let me: ContestRanking['me'] = null;
  if (mine) {
    const { data } = await db.collection(pointsCollections.boards).where({ _id: entryId(key, openid) }).limit(1).get();
    const entry = data[0] as ContestEntry | undefined;
    if (entry) me = { rank: mine.rank, score: entry.paperScore, timeUsedSeconds: entry.timeUsedSeconds };
  }
  return { contestId: contest._id, top: rows, me };
};
