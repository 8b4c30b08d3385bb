import { closeQuestionReports as contract } from '../../contracts/quiz';
import { closeReport, openReportsOf } from '../../db/quiz/questionReports';
import { writeAudit } from '../../db/requests/requestStore';
import { assertSafeText } from '../../platform/contentCheck';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';
import { requireEditor } from './requireEditor';

/** Closes the question's open reports 100 at a time; each reporter's own report carries the outcome and reply. */
export const closeQuestionReports: Handler<typeof contract> = async (input, ctx) => {
  await requireEditor(ctx);
  await assertSafeText(ctx, [input.reply], 1);
  const outcome = { status: input.outcome, reply: input.reply, closedAt: ctx.now, closedBy: ctx.openid };
  let closed = 0;
  for (;;) {
    const open = await openReportsOf(ctx.db, input.questionId, 100);
    for (const report of open) if (await closeReport(ctx.db, report._id, outcome)) closed += 1;
    if (open.length < 100) break;
  }
  if (closed === 0) throw failWith(contract, 'NO_OPEN_REPORTS', '这道题没有待处理的纠错');
  await writeAudit(ctx.db, { at: ctx.now, actorOpenid: ctx.openid, action: `questionReports.${input.outcome}`, target: `${input.questionId} (${closed})` });
  return { questionId: input.questionId, closed };
};
