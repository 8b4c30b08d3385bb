import { submitAttempt as contract } from '../../contracts/quiz';
import type { AttemptResult, StoredAttemptResult } from '../../contracts/quiz';
import { closeAttempt, findAttempt } from '../../db/quiz/attempts';
import { addContestEntry, addContestRankCount, findContest } from '../../db/quiz/contests';
import { readSubmission, type SubmissionRead } from '../../db/quiz/submissionRead';
import { tallyContestEntry } from '../../db/quiz/contestTallies';
import { applyReview } from '../../db/quiz/wrongBook';
import { quizCollections } from '../../db/quiz/quizCollections';
import { contestBoardKey, contestEndOf, contestSortScore } from '../../domain/quiz/contestRules';
import { isTooLate, paperDeadline, timeUsedSeconds } from '../../domain/quiz/attemptRules';
import { scorePaper } from '../../domain/quiz/scorePaper';
import { awardPoints } from '../../points/awardPoints';
import { provinceScope } from '../../points/boardEntries';
import { periodScore } from '../../points/boardReads';
import { cappedAward, dailyCaps, type PointSource } from '../../points/pointCaps';
import { dayKey } from '../../points/periodKeys';
import { capsId, ledgerId } from '../../points/pointsLedger';
import { countAbove, periodField } from '../../points/rankCounts';
import { failWith } from '../../runtime/actionError';
import type { ActionContext } from '../../runtime/context';
import type { Handler } from '../../runtime/router';
import { resultFor } from './resultFor';

/**
 * Scores a paper once and settles it: at most 8 round trips for a daily paper (one read of
 * everything, the attempt closed with its result, the ledger entry, the board entries, the rank
 * counts, at most three for the wrong-answer book). The attempt is closed first (one submission
 * wins); every later step is idempotent, so a retry after a failure anywhere, or any later
 * caller, settles what is missing and answers the stored result. A contest paper's answers wait
 * for the contest's end (one more read): the score is told at once.
 */
export const submitAttempt: Handler<typeof contract> = async (input, ctx) => {
  const { db, openid, now } = ctx;
  const day = dayKey(now);
  // The attempt's kind picks the ledger's source: both sources' ids are joined, the right one kept.
  const sources: PointSource[] = ['quiz-daily', 'quiz-contest'];
  const read = await readSubmission(
    db,
    input.attemptId,
    openid,
    { ledger: sources.map((source) => ledgerId(openid, source, input.attemptId)), caps: sources.map((source) => capsId(openid, source, day)), weekField: periodField('week', now) },
    (attempt) => sourceOfKind(attempt.kind),
  );
  const attempt = read?.attempt;
  // A challenge run shares the collection but is no paper: it is answered question by question.
  if (!read || !attempt || attempt.kind === 'challenge') throw failWith(contract, 'ATTEMPT_NOT_FOUND', '没有找到这次答题');
  if (attempt.openid !== openid) throw failWith(contract, 'NOT_YOUR_ATTEMPT', '这不是你的答题');
  if (attempt.status === 'submitted' && attempt.result) return settle(ctx, read, attempt.result);
  if (isTooLate(now, attempt.deadline)) throw failWith(contract, 'ATTEMPT_EXPIRED', '答题时间已过,本次提交无效');
  // A contest closed early ends every paper with it once the hand-in window is over (one more read).
  if (attempt.kind === 'contest' && attempt.contestId) {
    const contest = await findContest(db, attempt.contestId);
    if (contest && isTooLate(now, paperDeadline(attempt.deadline, contestEndOf(contest)))) throw failWith(contract, 'ATTEMPT_EXPIRED', '竞赛已结束,本次提交无效');
  }
  const checked = scorePaper(attempt.paper, input.answers);
  if (!checked.ok) throw failWith(contract, 'UNKNOWN_QUESTION', '提交的题目不在本次试卷中');
  const { scored } = checked;
  // The award as the ledger will take it, and today's province ranks before and after it, from the counts just read.
  const source = sourceOf(read);
  const ledger = read.points.ledger;
  const awarded = ledger.entry ? ledger.entry.points : cappedAward(scored.points, source === 'quiz-daily' ? 0 : (ledger.caps?.total ?? 0), dailyCaps[source]);
  const dayField = periodField('day', now);
  const before = periodScore(read.points.entries.get(provinceScope), 'day', now);
  const rankAt = (score: number) => ({ rank: countAbove(read.provinceCounts, dayField, score) + 1, score });
  const rankBefore = before === null ? null : rankAt(before);
  const result: StoredAttemptResult = {
    attemptId: attempt._id,
    score: scored.score,
    correctCount: scored.correctCount,
    total: attempt.paper.length,
    timeUsedSeconds: timeUsedSeconds(attempt.startedAt, now, attempt.timeLimitSeconds),
    pointsAwarded: awarded,
    review: scored.review,
    rank: awarded > 0 ? rankAt((before ?? 0) + awarded) : rankBefore,
    rankBefore,
  };
  if (await closeAttempt(db, attempt._id, result, now)) return settle(ctx, read, result);
  // Another submission won: its result is the one that counts (and it is settled here too).
  const winner = await findAttempt(db, attempt._id);
  if (!winner?.result) throw new Error(`attempt ${attempt._id} closed without a result`);
  return settle(ctx, { ...read, attempt: winner }, winner.result);
};

function sourceOfKind(kind: string): PointSource {
  return kind === 'contest' ? 'quiz-contest' : 'quiz-daily';
}

function sourceOf(read: SubmissionRead): PointSource {
  return sourceOfKind(read.attempt.kind);
}

/** Every step after the attempt is closed; each does its part once, whoever runs it and however often. */
async function settle(ctx: ActionContext, read: SubmissionRead, result: StoredAttemptResult): Promise<AttemptResult> {
  const { db, openid, now } = ctx;
  const { attempt } = read;
  const source = sourceOf(read);
  const { awarded } = await awardPoints(ctx, { source, sourceId: attempt._id, points: result.review.filter((r) => r.correct).length }, read.points);
  await applyReview(db, openid, attempt._id, result.review, read.wrongBook, now);
  if (attempt.kind === 'contest' && attempt.contestId) {
    const boardKey = contestBoardKey(attempt.contestId);
    const sortScore = contestSortScore(result.score, result.timeUsedSeconds);
    const entry = await addContestEntry(db, { boardKey, openid, orgId: read.points.orgId, nickname: read.points.nickname, sortScore, paperScore: result.score, timeUsedSeconds: result.timeUsedSeconds });
    // The ranking's counts: a retry finds the attempt in `done` and adds nothing.
    await addContestRankCount(db, boardKey, attempt._id, sortScore, now);
    // Its organisation's participation: the entry's mark (or `done`) makes it once.
    await tallyContestEntry(db, attempt.contestId, boardKey, openid, entry);
  }
  if (awarded === result.pointsAwarded) return resultFor(ctx, attempt, result);
  // The cap was taken by another award meanwhile: the stored result says what the ledger holds.
  const fixed = { ...result, pointsAwarded: awarded };
  await db.collection(quizCollections.attempts).doc(attempt._id).update({ data: { 'result.pointsAwarded': awarded } });
  return resultFor(ctx, attempt, fixed);
}
