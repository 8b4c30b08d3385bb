import type { listMyReports as contract, MyReport } from '../../contracts/quiz';
import { reportsOf } from '../../db/quiz/questionReports';
import { questionsByIds } from '../../db/quiz/questions';
import type { Handler } from '../../runtime/router';

const pageSize = 20;

/** 我的纠错: two reads a page (the reports, their questions' stems). */
export const listMyReports: Handler<typeof contract> = async (input, ctx) => {
  const bar = input.cursor ? input.cursor.indexOf('|') : -1;
  const after = input.cursor ? { createdAt: new Date(input.cursor.slice(0, bar)), id: input.cursor.slice(bar + 1) } : undefined;
  const reports = await reportsOf(ctx.db, ctx.openid, pageSize, after);
  const stems = new Map((await questionsByIds(ctx.db, [...new Set(reports.map((r) => r.questionId))])).map((q) => [q._id, q.stem]));
  const items: MyReport[] = reports.map((r) => ({
    id: r._id,
    questionId: r.questionId,
    stem: stems.get(r.questionId) ?? '',
    reason: r.reason,
    note: r.note,
    status: r.status,
    reply: r.reply ?? null,
    createdAt: new Date(r.createdAt).toISOString(),
    closedAt: r.closedAt ? new Date(r.closedAt).toISOString() : null,
  }));
  const last = reports[reports.length - 1];
  return { items, nextCursor: reports.length === pageSize && last ? `${new Date(last.createdAt).toISOString()}|${last._id}` : null };
};
