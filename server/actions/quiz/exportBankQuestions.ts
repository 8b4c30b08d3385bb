import type { exportBankQuestions as contract } from '../../contracts/quiz';
import { questionSheetBytes } from '../../content/questionSheet';
import { allQuestions, questionOf } from '../../db/quiz/bankStore';
import { storeExport } from '../../db/requests/exportStorage';
import type { Handler } from '../../runtime/router';
import { requireEditor } from './requireEditor';

/** The same columns as `npm run questions:export`, so an edited export imports back. */
export const exportBankQuestions: Handler<typeof contract> = async (input, ctx) => {
  await requireEditor(ctx);
  const { format, ...filter } = input;
  const questions = (await allQuestions(ctx.db, filter)).map(questionOf);
  const bytes = await questionSheetBytes(format, questions);
  const stamp = ctx.now.toISOString().replace(/[-:.]/g, '');
  const stored = await storeExport(`exports/questions/${ctx.openid}/${stamp}.${format}`, bytes);
  return { ...stored, rows: questions.length };
};
