import { importBankQuestions as contract, type ImportReport } from '../../contracts/quiz';
import { checkBank, type ContentFile } from '../../content/bankChecks';
import { checkSheetRows, everyRowPassed } from '../../content/questionImportRows';
import type { Question } from '../../content/questionSchema';
import { readQuestionSheetBytes } from '../../content/questionSheet';
import { allQuestions, keptOnRewrite, questionOf, writeQuestion } from '../../db/quiz/bankStore';
import { writeAudit } from '../../db/requests/requestStore';
import { textBatches } from '../../domain/reading/textBatches';
import { assertSafeText } from '../../platform/contentCheck';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';
import { requireEditor } from './requireEditor';

/**
 * The console's import: the rows are judged as `npm run questions:import` judges them (one copy of
 * the rules in server/content), then the bank checks run over the database's bank with the rows
 * merged in. Nothing is written unless every row and every check about them passes.
 */
export const importBankQuestions: Handler<typeof contract> = async (input, ctx) => {
  await requireEditor(ctx);
  let checked;
  try {
    checked = checkSheetRows(await readQuestionSheetBytes(input.format, Buffer.from(input.contentBase64, 'base64')));
  } catch {
    throw failWith(contract, 'FILE_UNREADABLE', input.format === 'xlsx' ? '文件不是有效的 Excel 表格' : '文件不是有效的 CSV');
  }
  const report: ImportReport = { imported: false, dryRun: input.dryRun, sheetProblems: checked.sheetProblems, rows: checked.rows, bankErrors: [], added: 0, replaced: 0 };
  if (!everyRowPassed(checked) || checked.rows.length === 0) {
    if (checked.rows.length === 0 && checked.sheetProblems.length === 0) report.sheetProblems = ['表格中没有题目'];
    return report;
  }

  const existing = await allQuestions(ctx.db);
  const byId = new Map(existing.map((doc) => [doc._id, doc]));
  const imported = checked.accepted as unknown as Question[];
  const importedIds = new Set(imported.map((q) => q.id));
  const merged = new Map<string, Question[]>();
  for (const q of [...existing.filter((doc) => !importedIds.has(doc._id)).map(questionOf), ...imported]) {
    merged.set(q.history, [...(merged.get(q.history) ?? []), q]);
  }
  const files: ContentFile[] = [...merged].map(([key, data]) => ({ file: `questions/${key}.json`, key, data }));
  const bank = checkBank({ questions: files, stories: [] });
  // Only findings about the imported questions block it: an old problem elsewhere is not this file's fault.
  const stemPairs = bank.similarStems.filter((p) => importedIds.has(p.a.id) || importedIds.has(p.b.id));
  report.bankErrors = [
    ...bank.errors.filter((f) => f.check !== 'duplicateStem' && importedIds.has(f.id)).map((f) => ({ id: f.id, message: f.message })),
    ...stemPairs.map((p) => ({ id: importedIds.has(p.b.id) ? p.b.id : p.a.id, message: `题干与 ${importedIds.has(p.b.id) ? p.a.id : p.b.id} ${p.kind === 'contained' ? '互相包含' : '相同或几乎相同'}(相似度 ${p.similarity.toFixed(2)})` })),
  ];
  if (report.bankErrors.length > 0) return report;

  report.replaced = imported.filter((q) => byId.has(q.id)).length;
  report.added = imported.length - report.replaced;
  if (input.dryRun) {
    report.imported = true;
    return report;
  }
  for (const batch of textBatches(imported.flatMap((q) => [q.stem, ...q.options, q.explanation, q.source]))) await assertSafeText(ctx, batch, 1);
  // Each write sets the whole question by id, so a retry after a failure half way converges.
  for (const q of imported) {
    const { id, ...fields } = q;
    await writeQuestion(ctx.db, { _id: id, ...fields, ...keptOnRewrite(byId.get(id)), updatedAt: ctx.now, updatedBy: ctx.openid });
  }
  await writeAudit(ctx.db, { at: ctx.now, actorOpenid: ctx.openid, action: 'question.import', target: `${report.added} added, ${report.replaced} replaced` });
  report.imported = true;
  return report;
};
