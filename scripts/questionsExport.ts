/**
 * npm run questions:export [-- <file.xlsx|file.csv>] [-- --data <dir>]: the whole question bank,
 * one row per question, to data/export/questions.xlsx unless a file is named. Only valid questions
 * can be written as rows; invalid ones are listed (npm run check:content says why) and left out.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { historyKeys } from '../server/contracts/content';
import { validateBank } from '../server/content/bankChecks';
import type { Question } from '../server/content/questionSchema';
import { isEntryScript, loadContent, parseContentArgs, resolveContentDir } from './content/loadContent';
import { writeQuestionSheet } from './content/questionSheet';

export type ExportResult = { file: string; exported: number; skipped: Array<{ file: string; id: string }> };

/** Histories in the glossary's order, ids in order within each. */
function bankOrder(a: Question, b: Question): number {
  return historyKeys.indexOf(a.history) - historyKeys.indexOf(b.history) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export async function exportQuestions(options: { contentDir: string; file?: string }): Promise<ExportResult> {
  const file = path.resolve(options.file ?? path.join(options.contentDir, 'export', 'questions.xlsx'));
  const bank = loadContent(options.contentDir);
  const { questions, errors } = validateBank({ questions: bank.questions, stories: [] });
  const sorted = questions.map((q) => q.item).sort(bankOrder);
  await mkdir(path.dirname(file), { recursive: true });
  await writeQuestionSheet(file, sorted);
  return { file, exported: sorted.length, skipped: errors.map(({ file: f, id }) => ({ file: f, id })) };
}

async function main(): Promise<void> {
  const { values, positionals } = parseContentArgs(process.argv.slice(2), {});
  const result = await exportQuestions({ contentDir: resolveContentDir(values.data), file: positionals[0] });
  console.log(`${result.exported} questions written to ${result.file}`);
  if (result.skipped.length > 0) {
    console.log(`${result.skipped.length} invalid item(s) left out (run npm run check:content):`);
    result.skipped.forEach((s) => console.log(`  ${s.file}  ${s.id}`));
  }
}

if (isEntryScript(__filename)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
