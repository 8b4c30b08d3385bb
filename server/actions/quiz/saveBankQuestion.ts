import { saveBankQuestion as contract } from '../../contracts/quiz';
import { questionFieldNames, questionSchema } from '../../content/questionSchema';
import { issueText } from '../../contracts/issueMessages';
import { findQuestion, keptOnRewrite, writeQuestion } from '../../db/quiz/bankStore';
import { writeAudit } from '../../db/requests/requestStore';
import { assertSafeText } from '../../platform/contentCheck';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';
import { editorQuestion } from './editorQuestion';
import { requireEditor } from './requireEditor';

export const saveBankQuestion: Handler<typeof contract> = async (input, ctx) => {
  await requireEditor(ctx);
  const existing = await findQuestion(ctx.db, input.id);
  if (!existing) throw failWith(contract, 'QUESTION_NOT_FOUND', '题目不存在');
  const { id, type, difficulty, stem, options, answer, explanation, source, region, sealed } = input;
  // The same schema as data/questions and `npm run check:content`, in the files' key order.
  const candidate = { id, history: existing.history, type, difficulty, stem, options, answer, explanation, source, ...(region ? { region } : {}), ...(sealed !== undefined ? { sealed } : {}) };
  const checked = questionSchema.safeParse(candidate);
  if (!checked.success) {
    throw failWith(contract, 'QUESTION_INVALID', checked.error.issues.map((i) => issueText(i, questionFieldNames)).join(';'));
  }
  await assertSafeText(ctx, [stem, ...options, explanation, source], 1);
  const { id: _id, ...fields } = checked.data;
  const doc = { _id, ...fields, ...keptOnRewrite(existing), updatedAt: ctx.now, updatedBy: ctx.openid };
  await writeQuestion(ctx.db, doc);
  await writeAudit(ctx.db, { at: ctx.now, actorOpenid: ctx.openid, action: 'question.edit', target: id });
  return editorQuestion(doc);
};
