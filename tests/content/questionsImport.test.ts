import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { toCsv } from '../../server/content/csv';
import { defaultContentDir } from '../../scripts/content/loadContent';
import { questionColumns, questionToCells } from '../../server/content/questionRows';
import { writeQuestionSheet } from '../../scripts/content/questionSheet';
import { formatImportReport, importQuestions } from '../../scripts/questionsImport';
import type { Question } from '../../server/content/questionSchema';
import { fixtureDir, makeQuestion, questionFileTexts, removeDir } from './helpers/contentFixtures';

const header = questionColumns.map((c) => c.header);
const rowOf = (q: Question) => questionColumns.map((c) => String(questionToCells(q)[c.key]));

const newQuestion = makeQuestion({
  id: 'party-003',
  stem: '1927年8月1日，打响武装反抗国民党反动派第一枪的是：',
  options: ['南昌起义', '秋收起义', '广州起义', '百色起义'],
  answer: ['A'],
  explanation: '1927年8月1日，南昌起义打响了武装反抗国民党反动派的第一枪。',
});

describe('questions:import', () => {
  let dir: string;
  beforeEach(() => {
    dir = fixtureDir();
  });
  afterEach(() => removeDir(dir));

  test('an import with one bad row writes nothing and reports that row', async () => {
    const before = questionFileTexts(dir);
    const file = path.join(dir, 'edit.csv');
    const bad = [...rowOf(makeQuestion({ id: 'party-004', stem: '这是一道有两个答案的单选题吗？' }))];
    bad[questionColumns.findIndex((c) => c.key === 'answer')] = 'AB';
    writeFileSync(file, toCsv([header, rowOf(newQuestion), bad]));

    const result = await importQuestions({ file, contentDir: dir, dryRun: false });
    expect(result.ok).toBe(false);
    expect(result.rows).toEqual([
      { row: 2, id: 'party-003', problems: [] },
      { row: 3, id: 'party-004', problems: ['answer: a single question has exactly one answer, not 2'] },
    ]);
    expect(formatImportReport(result, false)).toEqual([
      'row 2  party-003  OK',
      'row 3  party-004  answer: a single question has exactly one answer, not 2',
      '1 of 2 row(s) failed: nothing was written.',
    ]);
    expect(questionFileTexts(dir)).toEqual(before);
  });

  test('a good import replaces by id, appends new ones and keeps the file sorted and formatted', async () => {
    const file = path.join(dir, 'edit.xlsx');
    const edited = makeQuestion({ difficulty: 2, region: 'qinghai' });
    await writeQuestionSheet(file, [newQuestion, edited]);

    const result = await importQuestions({ file, contentDir: dir, dryRun: false });
    expect(result.ok).toBe(true);
    expect(result.changes).toEqual([{ file: 'questions/party.json', replaced: 1, added: 1 }]);
    expect(result.written).toEqual(['questions/party.json']);
    const text = readFileSync(path.join(dir, 'questions', 'party.json'), 'utf8');
    const party = JSON.parse(text) as Question[];
    expect(party.map((q) => q.id)).toEqual(['party-001', 'party-002', 'party-003']);
    expect(party[0]).toStrictEqual(edited);
    expect(party[2]).toStrictEqual(newQuestion);
    expect(text).toBe(`${JSON.stringify(party, null, 2)}\n`);
  });

  test('a dry run reports the rows and writes nothing', async () => {
    const before = questionFileTexts(dir);
    const file = path.join(dir, 'edit.xlsx');
    await writeQuestionSheet(file, [newQuestion]);
    const result = await importQuestions({ file, contentDir: dir, dryRun: true });
    expect(result.ok).toBe(true);
    expect(formatImportReport(result, true)).toEqual(['row 2  party-003  OK', 'questions/party.json: 0 replaced, 1 added', 'dry run: 1 row(s) OK, nothing written.']);
    expect(questionFileTexts(dir)).toEqual(before);
  });

  test('rows that are each valid but duplicate a stem of the bank are refused as a whole', async () => {
    const before = questionFileTexts(dir);
    const file = path.join(dir, 'edit.csv');
    const copy = makeQuestion({ id: 'labor-009', history: 'labor', stem: '中国共产党第一次全国代表大会，于哪一年召开的？' });
    writeFileSync(file, toCsv([header, rowOf(newQuestion), rowOf(copy)]));
    const result = await importQuestions({ file, contentDir: dir, dryRun: false });
    expect(result.ok).toBe(false);
    expect(result.rows.every((r) => r.problems.length === 0)).toBe(true);
    expect(result.bankErrors).toEqual([expect.objectContaining({ check: 'duplicateStem' })]);
    expect(`${result.bankErrors[0].id} ${result.bankErrors[0].message}`).toMatch(/(labor-009.*party-001|party-001.*labor-009)/);
    expect(questionFileTexts(dir)).toEqual(before);
  });

  test('a row may name the history and type in Chinese and separate answer letters', async () => {
    const file = path.join(dir, 'edit.csv');
    const row = rowOf(makeQuestion({ id: 'party-002', type: 'multiple', stem: '遵义会议的历史意义有：', options: ['甲', '乙', '丙', '丁'], answer: ['A', 'C'] }));
    const at = (key: string) => questionColumns.findIndex((c) => c.key === key);
    row[at('history')] = '党史';
    row[at('type')] = '多选题';
    row[at('answer')] = 'a, c';
    row[at('region')] = '青海';
    writeFileSync(file, toCsv([header.map((h, i) => `${h} ${questionColumns[i].key}`), row]));
    const result = await importQuestions({ file, contentDir: dir, dryRun: true });
    expect(result.rows).toEqual([{ row: 2, id: 'party-002', problems: [] }]);
    expect(result.merged?.party[1]).toMatchObject({ history: 'party', type: 'multiple', answer: ['A', 'C'], region: 'qinghai' });
  });

  test('a hole between options, a repeated id and a missing column are reported', async () => {
    const file = path.join(dir, 'edit.csv');
    const holed = rowOf(newQuestion);
    holed[questionColumns.findIndex((c) => c.key === 'optionB')] = '';
    writeFileSync(file, toCsv([header, holed, rowOf(newQuestion)]));
    const result = await importQuestions({ file, contentDir: dir, dryRun: true });
    expect(result.rows.map((r) => r.problems)).toEqual([
      ['选项B is empty but a later option is filled', 'options.1: must not be empty'],
      ['id party-003 is also on row 2'],
    ]);

    writeFileSync(file, toCsv([header.filter((h) => h !== '解析'), rowOf(newQuestion).slice(0, -1)]));
    expect((await importQuestions({ file, contentDir: dir, dryRun: true })).sheetProblems).toEqual(['column 解析 is missing']);
  });

  test('npm run questions:import exits 1 on a bad row and 0 on a good sheet', async () => {
    const file = path.join(dir, 'edit.csv');
    const bad = rowOf(newQuestion);
    bad[questionColumns.findIndex((c) => c.key === 'difficulty')] = '5';
    writeFileSync(file, toCsv([header, bad]));
    const run = () =>
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/questionsImport.ts', file, '--data', dir], { cwd: path.dirname(defaultContentDir), encoding: 'utf8' });
    const failed = run();
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain('row 2  party-003  difficulty:');

    writeFileSync(file, toCsv([header, rowOf(newQuestion)]));
    const passed = run();
    expect(passed.status).toBe(0);
    expect(passed.stdout).toContain('written: questions/party.json');
  }, 30_000);
});
