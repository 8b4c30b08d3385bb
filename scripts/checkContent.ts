/**
 * npm run check:content [-- --data <dir>] [-- --no-minimums]: validates the whole question bank and
 * every story, prints each error with its file and id, then the counts; exits 1 on any error.
 * --no-minimums skips the minimum counts and the key balance rule (tests run on small fixtures).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkBank, type BankReport, type Finding } from '../server/content/bankChecks';
import { keyBalanceFindings, minimumShortfalls } from './content/contentMinimums';
import { formatCountTables } from './content/countTables';
import { isEntryScript, loadContent, parseContentArgs, resolveContentDir } from './content/loadContent';

export type CheckContentOptions = { contentDir: string; minimums: boolean };
export type CheckContentResult = { report: BankReport; errors: Finding[]; exitCode: 0 | 1 };

const findingLine = (f: Finding) => `  ${f.file}  ${f.id}  ${f.message}`;

export function checkContent(options: CheckContentOptions, print: (line: string) => void = console.log): CheckContentResult {
  const report = checkBank(loadContent(options.contentDir));
  // A mistyped --data must not pass as an empty, error-free bank.
  const missing: Finding[] = ['questions', 'stories']
    .filter((kind) => !existsSync(path.join(options.contentDir, kind)))
    .map((kind) => ({ file: kind, id: '-', message: `folder ${path.join(options.contentDir, kind)} not found`, check: 'json' }));
  const errors = [...missing, ...report.errors, ...(options.minimums ? [...minimumShortfalls(report.counts), ...keyBalanceFindings(report.counts)] : [])];
  print(`Content in ${options.contentDir}`);
  if (errors.length > 0) {
    print(`${errors.length} error(s):`);
    errors.forEach((f) => print(findingLine(f)));
  }
  if (report.warnings.length > 0) {
    print(`${report.warnings.length} warning(s):`);
    report.warnings.forEach((f) => print(findingLine(f)));
  }
  print('');
  formatCountTables(report.counts).forEach((line) => print(line));
  print('');
  print(errors.length === 0 ? 'ok: no errors' : `FAIL: ${errors.length} error(s)${options.minimums ? '' : ' (minimums not checked)'}`);
  return { report, errors, exitCode: errors.length === 0 ? 0 : 1 };
}

export function checkContentCli(argv: string[], print: (line: string) => void = console.log): CheckContentResult {
  const { values } = parseContentArgs(argv, { 'no-minimums': { type: 'boolean', default: false } });
  return checkContent({ contentDir: resolveContentDir(values.data), minimums: !values['no-minimums'] }, print);
}

if (isEntryScript(__filename)) process.exitCode = checkContentCli(process.argv.slice(2)).exitCode;
