import type { listWrongBook as contract } from '../../contracts/quiz';
import { questionsByIds } from '../../db/quiz/questions';
import { wrongBookCount, wrongBookPage } from '../../db/quiz/wrongBook';
import { servableBy } from '../../domain/quiz/servablePool';
import type { Handler } from '../../runtime/router';

const defaultPageSize = 20;

/**
 * Three reads a page: the page of the book, its questions' stems in one query, the count. A question
 * of a contest that is still open stays out of the book until the contest is over (the same release
 * as practice): that it was answered wrong would give a judge question's key away to the others.
 */
export const listWrongBook: Handler<typeof contract> = async (input, ctx) => {
  const size = input.pageSize ?? defaultPageSize;
  const after = input.cursor ? cursorOf(input.cursor) : undefined;
  const [entries, total] = await Promise.all([wrongBookPage(ctx.db, ctx.openid, size, after), wrongBookCount(ctx.db, ctx.openid)]);
  const questions = new Map((await questionsByIds(ctx.db, entries.map((e) => e.questionId))).map((q) => [q._id, q]));
  const now = ctx.now;
  let held = 0;
  const items = entries.flatMap((e) => {
    const q = questions.get(e.questionId);
    if (q && !servableBy('open', q, now)) held += 1;
    return q && servableBy('open', q, now) ? [{ questionId: e.questionId, history: q.history, stem: q.stem, wrongCount: e.wrongCount, rightStreak: e.rightStreak }] : [];
  });
  const last = entries[entries.length - 1];
  const nextCursor = entries.length === size && last ? `${new Date(last.updatedAt).toISOString()}|${last._id}` : null;
  // Held entries are few (one open contest paper's wrong answers) and adjacent by their submit time.
  return { items, nextCursor, total: Math.max(0, total - held) };
};

function cursorOf(cursor: string): { updatedAt: Date; id: string } {
  const bar = cursor.indexOf('|');
  return { updatedAt: new Date(cursor.slice(0, bar)), id: cursor.slice(bar + 1) };
}
