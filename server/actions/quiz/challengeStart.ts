import { challengeStart as contract } from '../../contracts/quiz';
import { closeOpenChallenges, createChallenge, type ChallengeDoc } from '../../db/quiz/challenges';
import { takePracticeQuota } from '../../db/quiz/practiceQuota';
import { questionsByIds } from '../../db/quiz/questions';
import { servableQuestionIds } from '../../db/quiz/servablePool';
import { openPaperQuestionIds } from '../../db/quiz/servedQuestions';
import { toPaperQuestion, toPublic } from '../../domain/quiz/paperQuestions';
import { quotaMessage } from '../../domain/quiz/practiceLimits';
import { shuffle } from '../../domain/quiz/shuffle';
import { dayKey } from '../../points/periodKeys';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';

/** The longest run a challenge can have: the queue is drawn once at the start. */
const maxQueue = 200;

export const challengeStart: Handler<typeof contract> = async (_input, ctx) => {
  const { db, openid, now, rng } = ctx;
  const day = dayKey(now);
  // A wrong answer reveals the key, so each start counts like a practice question.
  const quota = await takePracticeQuota(db, openid, day, now);
  if (quota !== 'ok') throw failWith(contract, 'TOO_MANY', quotaMessage(quota));
  // One open run per worker: an abandoned run's question would otherwise stay out of practice for ever.
  await closeOpenChallenges(db, openid);
  const [byHistory, onPaper] = await Promise.all([servableQuestionIds(db, 'open', now), openPaperQuestionIds(db, openid, now)]);
  const queue = shuffle([...byHistory.values()].flat().filter((q) => !onPaper.has(q)), rng).slice(0, maxQueue);
  const [first] = await questionsByIds(db, queue.slice(0, 1));
  if (!first) throw failWith(contract, 'NO_QUESTIONS', '题库暂时没有题目');
  const current = toPaperQuestion(first, rng);
  const attemptId = `challenge_${now.getTime().toString(36)}${Math.floor(rng() * 1e6).toString(36)}_${openid}`.slice(0, 64);
  const doc: ChallengeDoc = { _id: attemptId, openid, kind: 'challenge', day, status: 'open', queue: queue.slice(1), current, streak: 0, startedAt: now };
  await createChallenge(db, doc);
  return { attemptId, question: toPublic(current), streak: 0 };
};
