import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { toCsv } from '../../server/content/csv';
import { sheetFieldNames } from '../../server/content/questionImportRows';
import { fieldLabel } from '../../server/contracts/issueMessages';
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
      { row: 3, id: 'party-004', problems: ['答案只能有一个,现在是 2 个'] },
    ]);
    expect(formatImportReport(result, false)).toEqual([
      '第 2 行  party-003  通过',
      '第 3 行  party-004  答案只能有一个,现在是 2 个',
      '2 行中有 1 行未通过检查,没有写入任何文件。',
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
    expect(formatImportReport(result, true)).toEqual(['第 2 行  party-003  通过', 'questions/party.json:更新 0 题,新增 1 题', '试运行:1 行全部通过,没有写入文件。']);
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
      ['选项B是空的,后面的选项却有内容'],
      ['编号 party-003 与第 2 行重复'],
    ]);

    writeFileSync(file, toCsv([header.filter((h) => h !== '解析'), rowOf(newQuestion).slice(0, -1)]));
    expect((await importQuestions({ file, contentDir: dir, dryRun: true })).sheetProblems).toEqual(['缺少“解析”列']);
    writeFileSync(file, toCsv([[...header, '备注', '题干'], [...rowOf(newQuestion), '', '']]));
    expect((await importQuestions({ file, contentDir: dir, dryRun: true })).sheetProblems).toEqual(['第 16 列“备注”不是题目的栏目', '“题干”列出现了 2 次']);
  });

  test('every cell a row gets wrong is named by its column, in Chinese, as the console\'s form says it', async () => {
    const file = path.join(dir, 'edit.csv');
    const cells: Record<string, string> = {
      id: 'party-3', history: '世界史', type: '问答', difficulty: '高', stem: ' ', optionA: '甲', optionB: '乙', optionC: ' ', optionD: '丁',
      answer: 'F', explanation: '太短', source: '', region: '北京', sealed: '也许',
    };
    writeFileSync(file, toCsv([header, questionColumns.map((c) => cells[c.key] ?? '')]));
    const [row] = (await importQuestions({ file, contentDir: dir, dryRun: true })).rows;
    expect(row?.problems).toEqual([
      '选项C是空的,后面的选项却有内容',
      '编号应写作“历史-三位数字”,如 party-001',
      '历史应为 党史、新中国史、改革开放史、社会主义发展史 或 中国工运史',
      '题型应为 单选、多选 或 判断',
      '难度应为 1、2 或 3',
      '题干不能为空',
      '答案只能填选项的字母 A–E',
      '解析至少 10 个字',
      '解析要以句号“。”结尾',
      '出处不能为空',
      '地区只能填“青海”或留空',
      '竞赛专用只能填“是”“否”或留空',
    ]);
    for (const problem of row?.problems ?? []) expect(problem).not.toMatch(/\b(must|expected|Invalid|options|answer)\b/);
    // Any rule about one option names it as the sheet's column does.
    expect(fieldLabel(['options', 2], sheetFieldNames)).toBe('选项C');
  });

  test('a well-formed row that breaks a rule of its type says so under the column', async () => {
    const file = path.join(dir, 'edit.csv');
    const judge = rowOf(makeQuestion({ id: 'labor-004', history: 'labor', type: 'judge', options: ['正确', '错误'], answer: ['C'] }));
    const single = rowOf(makeQuestion({ id: 'party-005', options: ['甲', '乙', '丙'] }));
    writeFileSync(file, toCsv([header, judge, single]));
    const result = await importQuestions({ file, contentDir: dir, dryRun: true });
    expect(result.rows.map((r) => r.problems)).toEqual([['答案 C 不在 2 个选项之中'], ['选项:单选题应有 4 个选项,现在是 3 个']]);
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
    expect(failed.stdout).toContain('第 2 行  party-003  难度应为 1、2 或 3');

    writeFileSync(file, toCsv([header, rowOf(newQuestion)]));
    const passed = run();
    expect(passed.status).toBe(0);
    expect(passed.stdout).toContain('已写入:questions/party.json');
  }, 30_000);
});
