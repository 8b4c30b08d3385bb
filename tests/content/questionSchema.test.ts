import { questionFileSchema, questionSchema, type Question } from '../../server/content/questionSchema';
import { makeQuestion } from './helpers/contentFixtures';

const problems = (item: unknown): string[] => {
  const result = questionSchema.safeParse(item);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};
const refuses = (overrides: Partial<Question> & Record<string, unknown>, field: string) => {
  const found = problems({ ...makeQuestion(), ...overrides });
  expect(found.some((p) => p.startsWith(`${field}:`))).toBe(true);
};

describe('a question of the bank', () => {
  test('the example of docs/content-format.md is valid, with or without region', () => {
    expect(problems(makeQuestion())).toEqual([]);
    expect(problems(makeQuestion({ region: 'qinghai' }))).toEqual([]);
  });

  test('an id that is not <history>-NNN, or belongs to another history, is refused', () => {
    refuses({ id: 'party-1' }, 'id');
    refuses({ id: 'history-001' }, 'id');
    refuses({ id: 'prc-001' }, 'id');
  });

  test('an unknown field, history, type or difficulty is refused', () => {
    refuses({ hint: '想一想' }, '');
    refuses({ history: 'world' as never }, 'history');
    refuses({ type: 'fill' as never }, 'type');
    refuses({ difficulty: 4 as never }, 'difficulty');
  });

  test('sealed is a boolean when present', () => {
    expect(problems({ ...makeQuestion(), sealed: true })).toEqual([]);
    expect(problems({ ...makeQuestion(), sealed: false })).toEqual([]);
    expect(problems({ ...makeQuestion(), sealed: 'yes' }).some((p) => p.startsWith('sealed:'))).toBe(true);
  });

  test('a single-choice question with two answers is refused', () => {
    refuses({ answer: ['A', 'B'] }, 'answer');
  });

  test('a single-choice question has exactly four options', () => {
    refuses({ options: ['1919年', '1921年', '1927年'] }, 'options');
    refuses({ options: ['1919年', '1921年', '1927年', '1949年', '1978年'] }, 'options');
  });

  test('a multiple-choice question has 4 or 5 options and at least two answers', () => {
    const multiple = { type: 'multiple' as const, answer: ['A', 'B'] as Question['answer'] };
    expect(problems(makeQuestion(multiple))).toEqual([]);
    expect(problems(makeQuestion({ ...multiple, options: ['甲', '乙', '丙', '丁', '戊'], answer: ['A', 'E'] }))).toEqual([]);
    refuses({ ...multiple, answer: ['B'] }, 'answer');
    refuses({ ...multiple, options: ['甲', '乙', '丙'] }, 'options');
  });

  test('a judge question has exactly the options 正确 and 错误, and one answer', () => {
    const judge = { type: 'judge' as const, options: ['正确', '错误'] };
    expect(problems(makeQuestion({ ...judge, answer: ['B'] }))).toEqual([]);
    refuses({ ...judge, options: ['对', '错'] }, 'options');
    refuses({ ...judge, options: ['错误', '正确'] }, 'options');
    refuses({ ...judge, answer: ['A', 'B'] }, 'answer');
  });

  test('an answer letter beyond the options, or repeated, is refused', () => {
    refuses({ answer: ['E'] }, 'answer');
    refuses({ type: 'multiple', answer: ['A', 'A'] }, 'answer');
    refuses({ answer: ['a' as never] }, 'answer.0');
    refuses({ answer: [] }, 'answer');
  });

  test('an explanation shorter than 10 characters, or not ending with 。, is refused', () => {
    refuses({ explanation: '见教材。' }, 'explanation');
    refuses({ explanation: '1921年7月，中国共产党第一次全国代表大会在上海开幕' }, 'explanation');
    refuses({ explanation: '' }, 'explanation');
  });

  test('an empty stem, option or source is refused', () => {
    refuses({ stem: '  ' }, 'stem');
    refuses({ options: ['1919年', '', '1927年', '1949年'] }, 'options.1');
    refuses({ source: '' }, 'source');
  });

  test('a valid question parses to itself: the schema never rewrites the data', () => {
    const spaced = makeQuestion({ stem: ' 前后有空格的题干 ' });
    expect(questionSchema.parse(spaced)).toStrictEqual(spaced);
  });

  test('region is "qinghai" or absent', () => {
    refuses({ region: '西藏' as never }, 'region');
  });

  test('a file holds only the questions of the history it is named for', () => {
    expect(questionFileSchema('party').safeParse([makeQuestion()]).success).toBe(true);
    expect(questionFileSchema('prc').safeParse([makeQuestion()]).success).toBe(false);
  });
});
