import { checkBank, findSimilarStems, normaliseText, stemSimilarity, type Bank } from '../../server/content/bankChecks';
import type { Question } from '../../server/content/questionSchema';
import type { Story } from '../../server/content/storySchema';
import { fixtureQuestions, fixtureStories, makeQuestion, makeStory } from './helpers/contentFixtures';

function bankOf(questions: Question[], stories: Story[] = []): Bank {
  const group = <T>(items: T[], keyOf: (item: T) => string, kind: string) =>
    [...new Set(items.map(keyOf))].map((key) => ({ file: `${kind}/${key}.json`, key, data: items.filter((i) => keyOf(i) === key) as unknown }));
  return { questions: group(questions, (q) => q.history, 'questions'), stories: group(stories, (s) => s.theme, 'stories') };
}

describe('near-duplicate stems', () => {
  const stems = (...texts: string[]) => texts.map((stem, i) => ({ id: `party-00${i + 1}`, file: 'questions/party.json', stem }));

  test('normalising ignores punctuation, width and white space', () => {
    expect(normaliseText('“红船精神”是什么？ ')).toBe(normaliseText('"红船精神"是什么?'));
  });

  test('a stem reworded with different punctuation and one word changed is caught', () => {
    const a = '中国共产党第一次全国代表大会是在哪一年召开的？';
    const b = '中国共产党第一次全国代表大会，是在哪一年召开的呢';
    expect(stemSimilarity(a, b)).toBeGreaterThanOrEqual(0.85);
    expect(findSimilarStems(stems(a, b))).toEqual([
      { a: { id: 'party-001', file: 'questions/party.json' }, b: { id: 'party-002', file: 'questions/party.json' }, similarity: expect.any(Number), kind: 'similar' },
    ]);
  });

  test('a stem that only adds a question tail to another is caught as contained', () => {
    const pairs = findSimilarStems(stems('党的十一届三中全会作出了实行改革开放的历史性决策', '党的十一届三中全会作出了实行改革开放的历史性决策，这次会议在哪一年召开？'));
    expect(pairs.map((p) => p.kind)).toEqual(['contained']);
  });

  test('the same stem is identical whatever its punctuation', () => {
    expect(findSimilarStems(stems('遵义会议在哪一年召开？', '遵义会议在哪一年召开?')).map((p) => [p.kind, p.similarity])).toEqual([['identical', 1]]);
  });

  test('two different questions on the same event are not flagged', () => {
    const a = '我国第一颗原子弹爆炸成功是在哪一年？';
    const b = '我国第一颗原子弹是在哪里爆炸成功的？';
    expect(findSimilarStems(stems(a, b))).toEqual([]);
    expect(findSimilarStems(stems('习近平总书记概括的劳动精神是：', '习近平总书记概括的工匠精神是：'))).toEqual([]);
  });

  test('short stems inside longer ones are not flagged: "哪一年" is not a question', () => {
    expect(findSimilarStems(stems('遵义会议在哪一年', '遵义会议在哪一年召开，会议确立了谁的领导地位？'))).toEqual([]);
  });
});

describe('the whole bank', () => {
  test('the fixture bank has no errors and is counted per history, type, difficulty and theme', () => {
    const report = checkBank(bankOf(fixtureQuestions(), fixtureStories()));
    expect(report.errors).toEqual([]);
    expect(report.counts.questions.total).toBe(6);
    expect(report.counts.questions.qinghai).toBe(1);
    expect(report.counts.questions.byHistory.party.byType.multiple[2]).toBe(1);
    expect(report.counts.questions.byHistory.prc.byType.judge[1]).toBe(1);
    expect(report.counts.questions.sealed).toBe(1);
    expect(report.counts.questions.byHistory.reform.sealed).toBe(1);
    expect(report.counts.questions.byHistory.labor).toEqual({
      total: 1,
      qinghai: 1,
      sealed: 0,
      byType: { single: { 1: 0, 2: 1, 3: 0 }, multiple: { 1: 0, 2: 0, 3: 0 }, judge: { 1: 0, 2: 0, 3: 0 } },
    });
    expect(report.counts.stories).toEqual({
      total: 2,
      qinghai: 1,
      byTheme: {
        founding: { total: 1, qinghai: 0 },
        construction: { total: 0, qinghai: 0 },
        reform: { total: 0, qinghai: 0 },
        newEra: { total: 0, qinghai: 0 },
        labor: { total: 0, qinghai: 0 },
        qinghai: { total: 1, qinghai: 1 },
      },
    });
  });

  test('answer keys are counted per type: letters of single keys, how often each multiple option is right, 正确 vs 错误', () => {
    const keys = checkBank(bankOf(fixtureQuestions())).counts.questions.keys;
    expect(keys.single).toEqual({ total: 4, byLetter: { A: 3, B: 1, C: 0, D: 0 } });
    expect(keys.multiple).toEqual({
      total: 1,
      offered: { A: 1, B: 1, C: 1, D: 1, E: 1 },
      right: { A: 1, B: 1, C: 1, D: 0, E: 0 },
      byRightCount: { 3: 1 },
      allRight: 0,
    });
    expect(keys.judge).toEqual({ total: 1, right: 1, wrong: 0 });
    const allRight = makeQuestion({ id: 'party-009', type: 'multiple', stem: '下列哪些是中国共产党第一次全国代表大会的史实？', answer: ['A', 'B', 'C', 'D'] });
    expect(checkBank(bankOf([allRight])).counts.questions.keys.multiple.allRight).toBe(1);
  });

  test('near-duplicate stems are found across files and reported with both ids', () => {
    const copy = makeQuestion({ id: 'labor-002', history: 'labor', stem: '中国共产党第一次全国代表大会于哪一年召开' });
    const report = checkBank(bankOf([...fixtureQuestions(), copy]));
    expect(report.errors).toEqual([
      { file: 'questions/labor.json', id: 'labor-002', message: expect.stringContaining('party-001 (questions/party.json)'), check: 'duplicateStem' },
    ]);
    expect(report.similarStems).toHaveLength(1);
  });

  test('a repeated id, a repeated option and a repeated story title are errors', () => {
    const questions = [...fixtureQuestions(), makeQuestion({ stem: '南昌起义打响了武装反抗国民党反动派的第一枪，它发生在：', options: ['1927年', '1927年。', '1928年', '1929年'], answer: ['A'] })];
    const stories = [...fixtureStories(), makeStory({ id: 'founding-02', title: '红船 启航' })];
    const report = checkBank(bankOf(questions, stories));
    expect(report.errors.map((e) => [e.check, e.id])).toEqual([
      ['duplicateId', 'party-001'],
      ['duplicateOption', 'party-001'],
      ['duplicateTitle', 'founding-02'],
    ]);
  });

  test('an item failing its schema is an error naming its file and id, and is not counted', () => {
    const bad = makeQuestion({ id: 'party-009', stem: '这一题有两个答案却是单选题，题干与其他题不同吗？', answer: ['A', 'B'] });
    const report = checkBank(bankOf([...fixtureQuestions(), bad]));
    expect(report.errors).toEqual([{ file: 'questions/party.json', id: 'party-009', message: expect.stringContaining('answer'), check: 'schema' }]);
    expect(report.counts.questions.total).toBe(6);
    expect(report.counts.invalid.questions).toBe(1);
  });

  test('a question in a file named for another history, and a file named for no history, are errors', () => {
    const bank = bankOf(fixtureQuestions());
    bank.questions.push({ file: 'questions/prc.json', key: 'prc', data: [makeQuestion({ id: 'party-010', stem: '井冈山革命根据地是由谁率领工农革命军创建的？' })] });
    bank.questions.push({ file: 'questions/world.json', key: 'world', data: [] });
    bank.questions.push({ file: 'questions/broken.json', key: 'broken', data: undefined, parseError: 'Unexpected end of JSON input' });
    expect(checkBank(bank).errors.map((e) => [e.file, e.id, e.check])).toEqual([
      ['questions/prc.json', 'party-010', 'schema'],
      ['questions/world.json', '-', 'schema'],
      ['questions/broken.json', '-', 'json'],
    ]);
  });

  test('a stem about Qinghai without region qinghai is a warning', () => {
    const unmarked = makeQuestion({ id: 'labor-003', history: 'labor', stem: '青海省第一位全国劳动模范是谁？', options: ['甲', '乙', '丙', '丁'], answer: ['A'] });
    const report = checkBank(bankOf([...fixtureQuestions(), unmarked]));
    expect(report.errors).toEqual([]);
    expect(report.warnings.filter((w) => w.check === 'qinghaiRegion').map((w) => w.id)).toEqual(['labor-003']);
  });
});
