import type { listMyContests as contract, MyContest } from '../../contracts/quiz';
import { contestAttemptsOf } from '../../db/quiz/attempts';
import { contestTitlesAndEnds } from '../../db/quiz/contests';
import { decodeCursor, encodeCursor } from '../../db/sortKeyCursor';
import { isTooLate } from '../../domain/quiz/attemptRules';
import type { Handler } from '../../runtime/router';

const pageSize = 20;

/** 我的竞赛: two reads a page (the worker's contest papers by one index walk, their contests' titles and ends). */
export const listMyContests: Handler<typeof contract> = async (input, ctx) => {
  const { db, openid, now } = ctx;
  const papers = await contestAttemptsOf(db, openid, pageSize, decodeCursor(input.cursor));
  const contests = await contestTitlesAndEnds(db, [...new Set(papers.map((p) => p.contestId ?? ''))].filter(Boolean));
  const items: MyContest[] = papers.map((p) => {
    const contest = contests.get(p.contestId ?? '');
    // A paper not handed in by its deadline, or by the end of a contest closed early, is missed.
    const over = contest ? now.getTime() >= contest.overAt.getTime() : false;
    const state: MyContest['state'] = p.status === 'submitted' ? 'submitted' : isTooLate(now, p.deadline) || over ? 'missed' : 'open';
    return {
      attemptId: p._id,
      contestId: p.contestId ?? '',
      title: contest?.title ?? '竞赛',
      state,
      score: state === 'submitted' ? (p.result?.score ?? 0) : null,
      startedAt: p.startedAt.toISOString(),
      reviewOpen: over,
    };
  });
  const last = papers[papers.length - 1];
  return { items, nextCursor: papers.length === pageSize && last ? encodeCursor(last.startedAt, last._id) : null };
};
