import { practiceAnswer as contract } from '../../contracts/quiz';
import { consumePractice, openPaperQuestionIds, servedPractice } from '../../db/quiz/servedQuestions';
import { recordRight, recordWrong } from '../../db/quiz/wrongBook';
import { isCorrect } from '../../domain/quiz/paperQuestions';
import { awardPoints } from '../../points/awardPoints';
import { dayKey } from '../../points/periodKeys';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';

/** One point per right practice answer, once per question a day, within the practice cap. */
export const practiceAnswer: Handler<typeof contract> = async (input, ctx) => {
  const { db, openid, now } = ctx;
  const served = await servedPractice(db, openid);
  if (!served || served.id !== input.questionId) throw failWith(contract, 'NOT_SERVED', '请先领取这道练习题');
  if ((await openPaperQuestionIds(db, openid, now)).has(served.id)) throw failWith(contract, 'NOT_SERVED', '这道题在你正在作答的试卷中,交卷后再练习');
  if (!(await consumePractice(db, openid, served.id))) throw failWith(contract, 'NOT_SERVED', '这道题已经作答');
  const correct = isCorrect(served.answer, input.choice);
  let pointsAwarded = 0;
  if (correct) {
    await recordRight(db, openid, [served.id], now);
    const award = await awardPoints(ctx, { source: 'quiz-practice', sourceId: `${dayKey(now)}|${served.id}`, points: 1 });
    // The same question answered right again today earned its point the first time.
    pointsAwarded = award.repeat ? 0 : award.awarded;
  } else {
    await recordWrong(db, openid, [served.id], now);
  }
  return { questionId: served.id, correct, answer: served.answer, explanation: served.explanation, pointsAwarded };
};
