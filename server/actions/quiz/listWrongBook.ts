import type { listWrongBook as contract } from '../../contracts/quiz';
import { questionsByIds } from '../../db/quiz/questions';
import { wrongBookCount, wrongBookPage } from '../../db/quiz/wrongBook';
import type { Handler } from '../../runtime/router';

const defaultPageSize = 20;

/** Three reads a page: the page of the book, its questions' stems in one query, the count. */
export const listWrongBook: Handler<typeof contract> = async (input, ctx) => {
  const size = input.pageSize ?? defaultPageSize;
  const after = input.cursor ? cursorOf(input.cursor) : undefined;
  const [entries, total] = await Promise.all([wrongBookPage(ctx.db, ctx.openid, size, after), wrongBookCount(ctx.db, ctx.openid)]);
  const questions = new Map((await questionsByIds(ctx.db, entries.map((e) => e.questionId))).map((q) => [q._id, q]));
  const items = entries.flatMap((e) => {
    const q = questions.get(e.questionId);
    return q ? [{ questionId: e.questionId, history: q.history, stem: q.stem, wrongCount: e.wrongCount, rightStreak: e.rightStreak }] : [];
  });
  const last = entries[entries.length - 1];
  const nextCursor = entries.length === size && last ? `${new Date(last.updatedAt).toISOString()}|${last._id}` : null;
  return { items, nextCursor, total };
};

function cursorOf(cursor: string): { updatedAt: Date; id: string } {
  const bar = cursor.indexOf('|');
  return { updatedAt: new Date(cursor.slice(0, bar)), id: cursor.slice(bar + 1) };
}
