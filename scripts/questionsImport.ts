/**
 * npm run questions:import -- <file.xlsx|file.csv> [--dry-run] [--data <dir>]: validates every row
 * with the question schema and prints a row-by-row report; the rows replace the questions with the
 * same id in data/questions/<history>.json or are appended, each file kept sorted by id. All or
 * nothing: if one row fails, or the merged bank fails the bank checks, no file is written.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkBank, type ContentFile, type Finding } from '../server/content/bankChecks';
import { checkSheetRows, everyRowPassed, type RowReport } from '../server/content/questionImportRows';
import { formatContentJson, isEntryScript, loadContent, parseContentArgs, resolveContentDir } from './content/loadContent';
import { historyOf } from '../server/content/questionRows';
import { readQuestionSheet } from './content/questionSheet';

export type { RowReport };
export type ImportResult = {
  ok: boolean;
  /** Problems with the sheet as a whole (unknown or missing columns). */
  sheetProblems: string[];
  rows: RowReport[];
  /** Errors of the bank as it would be after the import. */
  bankErrors: Finding[];
  /** Every question file after the merge, by its name without .json; null when a row failed. */
  merged: Record<string, unknown[]> | null;
  changes: Array<{ file: string; replaced: number; added: number }>;
  written: string[];
};

const idOf = (item: unknown) => (typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined);
const byId = (a: unknown, b: unknown) => {
  const x = String(idOf(a));
  const y = String(idOf(b));
  return x < y ? -1 : x > y ? 1 : 0;
};

export async function importQuestions(options: { file: string; contentDir: string; dryRun: boolean }): Promise<ImportResult> {
  const checked = checkSheetRows(await readQuestionSheet(options.file));
  const result: ImportResult = { ok: false, sheetProblems: checked.sheetProblems, rows: checked.rows, bankErrors: [], merged: null, changes: [], written: [] };
  if (!everyRowPassed(checked)) return result;
  const accepted = checked.accepted;

  // The candidate, not zod's output, is merged: it is already in the files' key order.
  const bank = loadContent(options.contentDir);
  const merged: Record<string, unknown[]> = Object.fromEntries(bank.questions.map((f) => [f.key, Array.isArray(f.data) ? [...f.data] : []]));
  const changes = new Map<string, { replaced: number; added: number }>();
  for (const question of accepted) {
    const history = historyOf(question) as string;
    const items = (merged[history] ??= []);
    const change = changes.get(history) ?? { replaced: 0, added: 0 };
    const at = items.findIndex((item) => idOf(item) === question.id);
    if (at >= 0) {
      items[at] = question;
      change.replaced += 1;
    } else {
      items.push(question);
      change.added += 1;
    }
    changes.set(history, change);
  }
  for (const items of Object.values(merged)) items.sort(byId);
  result.merged = merged;
  result.changes = [...changes].map(([history, c]) => ({ file: `questions/${history}.json`, ...c }));

  // A file that is not a readable array is checked as it is, so its error blocks the import instead of being overwritten.
  const broken = new Map(bank.questions.filter((f) => !Array.isArray(f.data)).map((f) => [f.key, f]));
  const mergedFiles: ContentFile[] = Object.entries(merged).map(([key, data]) => broken.get(key) ?? { file: `questions/${key}.json`, key, data });
  result.bankErrors = checkBank({ questions: mergedFiles, stories: bank.stories }).errors;
  if (result.bankErrors.length > 0) return result;

  result.ok = true;
  if (options.dryRun) return result;
  const folder = path.join(options.contentDir, 'questions');
  const pending = [...changes.keys()]
    .map((history) => ({ target: path.join(folder, `${history}.json`), text: formatContentJson(merged[history]) }))
    .filter(({ target, text }) => {
      try {
        return readFileSync(target, 'utf8') !== text;
      } catch {
        return true;
      }
    });
  // Every file is written beside its target first, so a failure half way leaves no half-written file.
  for (const { target, text } of pending) writeFileSync(`${target}.tmp`, text, 'utf8');
  for (const { target } of pending) {
    renameSync(`${target}.tmp`, target);
    result.written.push(path.relative(options.contentDir, target));
  }
  return result;
}

/** The report as editors read it: Chinese, one line per row, the problems named by column. */
export function formatImportReport(result: ImportResult, dryRun: boolean): string[] {
  const lines: string[] = [];
  if (result.sheetProblems.length > 0) {
    lines.push('表格无法导入:', ...result.sheetProblems.map((p) => `  ${p}`));
  }
  for (const r of result.rows) {
    lines.push(`第 ${r.row} 行  ${r.id}  ${r.problems.length === 0 ? '通过' : r.problems.join('；')}`);
  }
  const failed = result.rows.filter((r) => r.problems.length > 0).length;
  if (failed > 0) lines.push(`${result.rows.length} 行中有 ${failed} 行未通过检查,没有写入任何文件。`);
  if (result.bankErrors.length > 0) {
    lines.push('导入后题库会有错误,没有写入任何文件:', ...result.bankErrors.map((f) => `  ${f.file}  ${f.id}  ${f.message}`));
  }
  if (result.ok) {
    for (const c of result.changes) lines.push(`${c.file}:更新 ${c.replaced} 题,新增 ${c.added} 题`);
    if (dryRun) lines.push(`试运行:${result.rows.length} 行全部通过,没有写入文件。`);
    else lines.push(result.written.length > 0 ? `已写入:${result.written.join(', ')}` : '没有文件需要改动。');
  }
  return lines;
}

async function main(): Promise<number> {
  const { values, positionals } = parseContentArgs(process.argv.slice(2), { 'dry-run': { type: 'boolean', default: false } });
  const file = positionals[0];
  if (!file) {
    console.error('usage: npm run questions:import -- <file.xlsx|file.csv> [--dry-run] [--data <dir>]');
    return 1;
  }
  const dryRun = values['dry-run'] === true;
  const result = await importQuestions({ file: path.resolve(file), contentDir: resolveContentDir(values.data), dryRun });
  formatImportReport(result, dryRun).forEach((line) => console.log(line));
  return result.ok ? 0 : 1;
}

if (isEntryScript(__filename)) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
