import { reportQuestion as contract } from '../../contracts/quiz';
import { countReport, fileReport } from '../../db/quiz/questionReports';
import { questionsByIds } from '../../db/quiz/questions';
import { assertSafeText } from '../../platform/contentCheck';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';

/** 纠错: checks the note, files one open report per worker and question, and counts it against the question. */
export const reportQuestion: Handler<typeof contract> = async (input, ctx) => {
  const { db, openid, now } = ctx;
  const [question] = await questionsByIds(db, [input.questionId]);
  if (!question) throw failWith(contract, 'QUESTION_NOT_FOUND', '没有找到这道题');
  await assertSafeText(ctx, [input.note], 2);
  const filed = await fileReport(db, { questionId: input.questionId, openid, reason: input.reason, note: input.note, createdAt: now });
  if (!filed.filed) throw failWith(contract, 'ALREADY_REPORTED', '你对这道题的纠错还在处理中');
  const reports = await countReport(db, input.questionId, now);
  return { reportId: filed.id, reports };
};
