import { startContest as contract } from '../../contracts/quiz';
import { createAttempt, findAttempt, type AttemptDoc } from '../../db/quiz/attempts';
import { findContest } from '../../db/quiz/contests';
import { questionsByIds } from '../../db/quiz/questions';
import { sealForContest, servableQuestionIds } from '../../db/quiz/servablePool';
import { isTooLate } from '../../domain/quiz/attemptRules';
import { contestAttemptId, contestEndOf, contestOverAt, isEligible, isOpen } from '../../domain/quiz/contestRules';
import { toPaperQuestion } from '../../domain/quiz/paperQuestions';
import { pickContestQuestionIds } from '../../domain/quiz/contestPaper';
import { provinceScopeId } from '../../points/boardKeys';
import { membershipsOf } from '../../points/memberships';
import { dayKey } from '../../points/periodKeys';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';
import { paperOf } from './paperOf';

export const startContest: Handler<typeof contract> = async (input, ctx) => {
  const { db, openid, now, rng } = ctx;
  const contest = await findContest(db, input.contestId);
  if (!contest) throw failWith(contract, 'CONTEST_NOT_FOUND', '没有找到这个竞赛');
  if (!isOpen(now, contest.startsAt, contest.endsAt)) throw failWith(contract, 'CONTEST_CLOSED', '竞赛不在答题时间内');
  const member = await membershipsOf(db, openid);
  if (!isEligible(contest.orgIds, [provinceScopeId, ...member.orgIds])) throw failWith(contract, 'NOT_ELIGIBLE', '你所在的工会组织不在本次竞赛范围内');
  const attemptId = contestAttemptId(contest._id, openid);
  const existing = await findAttempt(db, attemptId);
  if (existing) {
    if (existing.status === 'submitted' || isTooLate(now, existing.deadline)) throw failWith(contract, 'ALREADY_ATTEMPTED', '每个竞赛只能作答一次');
    return paperOf(existing);
  }
  const [sealed, open] = await Promise.all([servableQuestionIds(db, 'contest', now, contest.histories), servableQuestionIds(db, 'open', now, contest.histories)]);
  const ids = pickContestQuestionIds(sealed, open, contest.questionCount, rng);
  // Sealed before the paper exists: no open use serves its sealed questions until the contest is over.
  const drawnSealed = new Set([...sealed.values()].flat());
  await sealForContest(db, contest._id, ids.filter((id) => drawnSealed.has(id)), contestOverAt(contestEndOf(contest)));
  const questions = await questionsByIds(db, ids);
  if (questions.length === 0) throw failWith(contract, 'NO_QUESTIONS', '题库暂时没有题目');
  // The paper ends with the contest's window, whichever comes first.
  const deadline = new Date(Math.min(now.getTime() + contest.timeLimitSeconds * 1000, contest.endsAt.getTime()));
  const doc: AttemptDoc = { _id: attemptId, openid, kind: 'contest', contestId: contest._id, day: dayKey(now), status: 'open', paper: questions.map((q) => toPaperQuestion(q, rng)), startedAt: now, deadline, timeLimitSeconds: contest.timeLimitSeconds, result: null };
  if (!(await createAttempt(db, doc))) {
    const raced = await findAttempt(db, attemptId);
    if (raced && raced.status === 'open') return paperOf(raced);
    throw failWith(contract, 'ALREADY_ATTEMPTED', '每个竞赛只能作答一次');
  }
  return paperOf(doc);
};
