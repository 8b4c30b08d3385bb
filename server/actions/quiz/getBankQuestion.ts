import { getBankQuestion as contract } from '../../contracts/quiz';
import { findQuestion } from '../../db/quiz/bankStore';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';
import { editorQuestion } from './editorQuestion';
import { requireEditor } from './requireEditor';

export const getBankQuestion: Handler<typeof contract> = async (input, ctx) => {
  await requireEditor(ctx);
  const doc = await findQuestion(ctx.db, input.id);
  if (!doc) throw failWith(contract, 'QUESTION_NOT_FOUND', '题目不存在');
  return editorQuestion(doc);
};
