import type { listWrongBook as contract } from '../../contracts/quiz';
import { questionsByIds } from '../../db/quiz/questions';
import { wrongBookOf } from '../../db/quiz/wrongBook';
import type { Handler } from '../../runtime/router';

/** Two reads: the book, then its questions' stems in one query. */
export const listWrongBook: Handler<typeof contract> = async (_input, ctx) => {
  const entries = await wrongBookOf(ctx.db, ctx.openid, 100);
  const questions = new Map((await questionsByIds(ctx.db, entries.map((e) => e.questionId))).map((q) => [q._id, q]));
  const items = entries.flatMap((e) => {
    const q = questions.get(e.questionId);
    return q ? [{ questionId: e.questionId, history: q.history, stem: q.stem, wrongCount: e.wrongCount, rightStreak: e.rightStreak }] : [];
  });
  return { items };
};
