import { practiceNext as contract } from '../../contracts/quiz';
import { takePracticeQuota } from '../../db/quiz/practiceQuota';
import { questionsByIds } from '../../db/quiz/questions';
import { openPoolOnly, servableQuestionIds } from '../../db/quiz/servablePool';
import { openPaperQuestionIds, servePractice } from '../../db/quiz/servedQuestions';
import { wrongBookOf } from '../../db/quiz/wrongBook';
import { toPaperQuestion, toPublic } from '../../domain/quiz/paperQuestions';
import { quotaMessage } from '../../domain/quiz/practiceLimits';
import { dayKey } from '../../points/periodKeys';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';

/** Practice reveals each answer at once: it serves only the open pool, never a question of an open paper, within a quota. */
export const practiceNext: Handler<typeof contract> = async (input, ctx) => {
  const { db, openid, now, rng } = ctx;
  const onPaper = await openPaperQuestionIds(db, openid, now);
  const candidates =
    input.from === 'history'
      ? ((await servableQuestionIds(db, 'open', now, [input.history])).get(input.history) ?? [])
      : await openPoolOnly(db, (await wrongBookOf(db, openid, 100)).map((w) => w.questionId), now);
  const allowed = candidates.filter((q) => !onPaper.has(q));
  if (allowed.length === 0) {
    throw input.from === 'wrongBook' ? failWith(contract, 'WRONG_BOOK_EMPTY', '错题本里没有题目了') : failWith(contract, 'NO_QUESTIONS', '这部分题库暂时没有题目');
  }
  const quota = await takePracticeQuota(db, openid, dayKey(now), now);
  if (quota !== 'ok') throw failWith(contract, 'TOO_MANY', quotaMessage(quota));
  const picked = allowed[Math.floor(rng() * allowed.length)] as string;
  const [question] = await questionsByIds(db, [picked]);
  if (!question) throw failWith(contract, 'NO_QUESTIONS', '这部分题库暂时没有题目');
  const paperQuestion = toPaperQuestion(question, rng);
  await servePractice(db, openid, paperQuestion);
  return { question: toPublic(paperQuestion) };
};
