import { closeQuestionReports as contract } from '../../contracts/quiz';
import { claimPush, recordPush } from '../../db/notices/messageStore';
import { settleUnit } from '../../db/notices/subscriptionStore';
import { clearNoticePending, closeReport, openReportsOf, reportsAwaitingNotice } from '../../db/quiz/questionReports';
import { questionsByIds } from '../../db/quiz/questions';
import { unitsNeededForReportOutcome } from '../../domain/notices/noticePriority';
import { reportOutcomeMessage, reportOutcomeMessageId, reportOutcomeNotice } from '../../domain/notices/reportMessages';
import { subscribeTemplates } from '../../domain/requests/subscribeTemplates';
import { assertSafeText } from '../../platform/contentCheck';
import { failWith } from '../../runtime/actionError';
import type { ActionContext } from '../../runtime/context';
import type { Handler } from '../../runtime/router';
import { requireEditor } from './requireEditor';

const batch = 100;

/**
 * Pushes the outcomes committed with a unit of quota and not sent yet (this call's, or those of a
 * call that died before sending). Each push is claimed on its message first, so it goes at most
 * once; a failed push gives its unit back (43101: the quota becomes 0).
 */
async function pushOutcomes(ctx: ActionContext, questionId: string, stem: string): Promise<void> {
  const templateId = subscribeTemplates.reportOutcome;
  for (;;) {
    const waiting = await reportsAwaitingNotice(ctx.db, questionId, batch);
    for (const report of waiting) {
      const messageId = reportOutcomeMessageId(report);
      if (report.status !== 'open' && (await claimPush(ctx.db, messageId))) {
        let errcode: number;
        try {
          errcode = (await ctx.openApi.sendSubscribeMessage(reportOutcomeNotice(report.openid, stem, report.status, report.reply ?? '', ctx.now))).errcode;
        } catch (error) {
          console.warn('report outcome push failed', error);
          errcode = -1;
        }
        await settleUnit(ctx.db, report.openid, templateId, errcode, ctx.now);
        await recordPush(ctx.db, messageId, errcode);
      }
      await clearNoticePending(ctx.db, report._id);
    }
    if (waiting.length < batch) return;
  }
}

/**
 * Closes the question's open reports 100 at a time; each reporter's own report carries the outcome
 * and reply, and each reporter gets it in the 消息 centre (and pushed, with a unit of quota left);
 * each closing is audited in its own commit.
 */
export const closeQuestionReports: Handler<typeof contract> = async (input, ctx) => {
  await requireEditor(ctx);
  await assertSafeText(ctx, [input.reply], 1);
  const outcome = { status: input.outcome, reply: input.reply, closedAt: ctx.now, closedBy: ctx.openid };
  const stem = (await questionsByIds(ctx.db, [input.questionId]))[0]?.stem ?? '';
  const notice = {
    message: (report: { questionId: string; openid: string; createdAt: Date }) => reportOutcomeMessage(report, stem, input.outcome, input.reply, ctx.now),
    templateId: subscribeTemplates.reportOutcome,
    unitsNeeded: unitsNeededForReportOutcome,
  };
  let closed = 0;
  for (;;) {
    const open = await openReportsOf(ctx.db, input.questionId, batch);
    for (const report of open) if (await closeReport(ctx.db, report._id, outcome, notice)) closed += 1;
    if (open.length < batch) break;
  }
  await pushOutcomes(ctx, input.questionId, stem);
  if (closed === 0) throw failWith(contract, 'NO_OPEN_REPORTS', '这道题没有待处理的纠错');
  return { questionId: input.questionId, closed };
};
