import { challengeAnswer as contract } from '../../contracts/quiz';
import { advanceChallenge, findChallenge } from '../../db/quiz/challenges';
import { questionsByIds } from '../../db/quiz/questions';
import { openPaperQuestionIds } from '../../db/quiz/servedQuestions';
import { recordRight, recordWrong } from '../../db/quiz/wrongBook';
import { isCorrect, toPaperQuestion, toPublic } from '../../domain/quiz/paperQuestions';
import { awardPoints } from '../../points/awardPoints';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';

export const challengeAnswer: Handler<typeof contract> = async (input, ctx) => {
  const { db, openid, now, rng } = ctx;
  const run = await findChallenge(db, input.attemptId);
  if (!run) throw failWith(contract, 'ATTEMPT_NOT_FOUND', '没有找到这次挑战');
  if (run.openid !== openid) throw failWith(contract, 'NOT_YOUR_ATTEMPT', '这不是你的挑战');
  if (run.status !== 'open') throw failWith(contract, 'ATTEMPT_CLOSED', '这次挑战已经结束');
  if (run.current.id !== input.questionId) throw failWith(contract, 'NOT_SERVED', '请回答当前这道题');
  const onPaper = await openPaperQuestionIds(db, openid, now, run._id);
  if (onPaper.has(run.current.id)) throw failWith(contract, 'NOT_SERVED', '这道题在你正在作答的试卷中,交卷后再挑战');
  const current = run.current;
  const correct = isCorrect(current.answer, input.choice);
  const streak = correct ? run.streak + 1 : run.streak;
  // The queue of questions still to come was drawn at the start: skip what has since landed on an open paper.
  const nextIndex = correct ? run.queue.findIndex((q) => !onPaper.has(q)) : -1;
  const [nextBank] = nextIndex >= 0 ? await questionsByIds(db, [run.queue[nextIndex] as string]) : [];
  const next = nextBank ? toPaperQuestion(nextBank, rng) : null;
  const finished = !next;
  const moved = await advanceChallenge(db, run, finished ? { status: 'finished', streak } : { current: next, streak, queue: run.queue.slice(nextIndex + 1) });
  if (!moved) throw failWith(contract, 'ATTEMPT_CLOSED', '这道题已经作答');
  await (correct ? recordRight(db, openid, [current.id], now) : recordWrong(db, openid, [current.id], now));
  const pointsAwarded = finished && streak > 0 ? (await awardPoints(ctx, { source: 'quiz-challenge', sourceId: run._id, points: streak })).awarded : 0;
  return { attemptId: run._id, questionId: current.id, correct, answer: current.answer, explanation: current.explanation, streak, finished, next: next ? toPublic(next) : null, pointsAwarded };
};
