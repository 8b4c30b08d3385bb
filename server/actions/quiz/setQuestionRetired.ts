import { setQuestionRetired as contract } from '../../contracts/quiz';
import { findQuestion, markRetired } from '../../db/quiz/bankStore';
import { writeAudit } from '../../db/requests/requestStore';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';
import { editorQuestion } from './editorQuestion';
import { requireEditor } from './requireEditor';

/** Retiring keeps the document (attempts and wrong books still name it); the servable pools leave it out. */
export const setQuestionRetired: Handler<typeof contract> = async (input, ctx) => {
  await requireEditor(ctx);
  const existing = await findQuestion(ctx.db, input.id);
  if (!existing) throw failWith(contract, 'QUESTION_NOT_FOUND', '题目不存在');
  await markRetired(ctx.db, input.id, input.retired, ctx.now, ctx.openid);
  await writeAudit(ctx.db, { at: ctx.now, actorOpenid: ctx.openid, action: input.retired ? 'question.retire' : 'question.restore', target: input.id });
  return editorQuestion({ ...existing, retired: input.retired, updatedAt: ctx.now, updatedBy: ctx.openid });
};
