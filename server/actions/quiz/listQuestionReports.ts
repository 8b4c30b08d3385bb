import type { listQuestionReports as contract } from '../../contracts/quiz';
import { questionsByIds } from '../../db/quiz/questions';
import { openReportGroups } from '../../db/quiz/questionReports';
import type { Handler } from '../../runtime/router';
import { requireEditor } from './requireEditor';

export const listQuestionReports: Handler<typeof contract> = async (input, ctx) => {
  await requireEditor(ctx);
  const found = await openReportGroups(ctx.db, input.offset, input.limit);
  const page = found.slice(0, input.limit);
  const questions = new Map((await questionsByIds(ctx.db, page.map((g) => g.questionId))).map((q) => [q._id, q as typeof q & { retired?: boolean }]));
  const groups = page.map((g) => {
    const reasons: Record<string, number> = {};
    for (const reason of g.reasons) reasons[reason] = (reasons[reason] ?? 0) + 1;
    const q = questions.get(g.questionId);
    return {
      questionId: g.questionId,
      stem: q?.stem ?? '(题目已不存在)',
      history: q?.history ?? '',
      retired: q?.retired === true,
      count: g.count,
      reasons,
      notes: g.notes.filter((n) => typeof n === 'string' && n.trim() !== '').reverse().slice(0, 20),
      firstAt: new Date(g.firstAt).toISOString(),
      lastAt: new Date(g.lastAt).toISOString(),
    };
  });
  return { groups, nextOffset: found.length > input.limit ? input.offset + input.limit : null };
};
