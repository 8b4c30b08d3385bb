import type { listBankQuestions as contract } from '../../contracts/quiz';
import { bankPage } from '../../db/quiz/bankStore';
import type { Handler } from '../../runtime/router';
import { editorQuestion } from './editorQuestion';
import { requireEditor } from './requireEditor';

export const listBankQuestions: Handler<typeof contract> = async (input, ctx) => {
  await requireEditor(ctx);
  const { cursor, limit, ...filter } = input;
  const { docs, more, total } = await bankPage(ctx.db, filter, cursor, limit);
  return { items: docs.map(editorQuestion), nextCursor: more ? (docs[docs.length - 1]?._id ?? null) : null, total };
};
