import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkContent, checkContentCli } from '../../scripts/checkContent';
import { defaultContentDir } from '../../scripts/content/loadContent';
import { fixtureDir, fixtureQuestions, fixtureStories, makeQuestion, removeDir, tempDir, writeBank } from './helpers/contentFixtures';

describe('npm run check:content', () => {
  let dir: string;
  let lines: string[];
  const print = (line: string) => lines.push(line);
  beforeEach(() => {
    dir = fixtureDir();
    lines = [];
  });
  afterEach(() => removeDir(dir));

  test('a valid bank passes with --no-minimums and prints the count tables', () => {
    const result = checkContentCli(['--data', dir, '--no-minimums'], print);
    expect(result.exitCode).toBe(0);
    const output = lines.join('\n');
    expect(output).toMatch(/^party\s+\|\s+1\s+0\s+0 \|\s+0\s+1\s+0 \|\s+0\s+0\s+0 \|\s+2 \|\s+0$/m);
    expect(output).toMatch(/^qinghai\s+\|\s+1 \|\s+1$/m);
    expect(output).toMatch(/^single\s+4: A 75\.0 % {2}B 25\.0 % {2}C 0\.0 % {2}D 0\.0 %/m);
    expect(output).toMatch(/^judge\s+1: 正确 100\.0 % {2}错误 0\.0 %$/m);
    expect(output).toContain('Sealed contest pool: 1 of 6 (party 0, prc 0, reform 1, socialism 0, labor 0)');
    expect(output).toContain('ok: no errors');
  });

  test('the same bank fails the minimums of the issue when they are checked', () => {
    const result = checkContent({ contentDir: dir, minimums: true }, print);
    expect(result.exitCode).toBe(1);
    expect(result.errors.filter((e) => e.check === 'minimum').map((e) => e.message)).toEqual([
      'questions: 6 of the 1000 required',
      'party questions: 2 of the 150 required',
      'prc questions: 1 of the 150 required',
      'reform questions: 1 of the 150 required',
      'socialism questions: 1 of the 150 required',
      'labor questions: 1 of the 150 required',
      'Qinghai questions: 1 of the 80 required',
      'sealed contest questions: 1 of the 200 required',
      'stories: 2 of the 60 required',
      'Qinghai stories: 1 of the 15 required',
    ]);
  });

  test('with minimums checked, single-choice keys outside 20–30 % per letter fail; --no-minimums skips the rule', () => {
    const result = checkContent({ contentDir: dir, minimums: true }, print);
    expect(result.errors.filter((e) => e.check === 'keyBalance').map((e) => e.message)).toEqual([
      'single-choice key A: 75.0 % of 4, not 20–30 %',
      'single-choice key C: 0.0 % of 4, not 20–30 %',
      'single-choice key D: 0.0 % of 4, not 20–30 %',
    ]);
    const balanced = tempDir();
    try {
      const singles = ['A', 'B', 'C', 'D'].map((letter, i) =>
        makeQuestion({ id: `party-01${i}`, stem: `第${i + 1}道关于中国共产党第一次全国代表大会的单选题，答案字母各不相同？`, answer: [letter as 'A'] }),
      );
      writeBank(balanced, singles, fixtureStories());
      expect(checkContent({ contentDir: balanced, minimums: true }, print).errors.filter((e) => e.check === 'keyBalance')).toEqual([]);
    } finally {
      removeDir(balanced);
    }
  });

  test('a bad question fails the check and is printed with its file and id', () => {
    const other = tempDir();
    try {
      const bad = makeQuestion({ id: 'party-003', stem: '这道单选题给出了两个答案，它应当被拒绝吗？', answer: ['A', 'B'] });
      writeBank(other, [...fixtureQuestions(), bad], fixtureStories());
      const result = checkContent({ contentDir: other, minimums: false }, print);
      expect(result.exitCode).toBe(1);
      expect(lines).toContainEqual(expect.stringMatching(/^ {2}questions\/party\.json {2}party-003 {2}answer: a single question has exactly one answer, not 2$/));
      expect(lines.at(-1)).toBe('FAIL: 1 error(s) (minimums not checked)');
    } finally {
      removeDir(other);
    }
  });

  test('a data file that is not JSON is reported, not thrown', () => {
    writeFileSync(path.join(dir, 'questions', 'prc.json'), '[{"id": ');
    const result = checkContent({ contentDir: dir, minimums: false }, print);
    expect(result.errors).toEqual([expect.objectContaining({ file: 'questions/prc.json', check: 'json' })]);
  });

  test('a data folder that does not exist fails instead of passing as an empty bank', () => {
    const result = checkContent({ contentDir: path.join(dir, 'missing'), minimums: false }, print);
    expect(result.exitCode).toBe(1);
    expect(result.errors.map((e) => e.file)).toEqual(['questions', 'stories']);
  });

  test('the repository data has no schema errors (minimums may be unmet while it is written)', () => {
    const result = checkContentCli(['--no-minimums'], print);
    expect(result.report.counts.questions.total).toBeGreaterThan(0);
    expect(lines[0]).toBe(`Content in ${defaultContentDir}`);
    expect(result.errors.filter((e) => e.check === 'schema' || e.check === 'json')).toEqual([]);
  });
});
