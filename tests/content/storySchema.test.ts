import { storyBodyLength, storyFileSchema, storySchema, type Story } from '../../server/content/storySchema';
import { bodyOf, makeStory } from './helpers/contentFixtures';

const problems = (item: unknown): string[] => {
  const result = storySchema.safeParse(item);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};
const refuses = (overrides: Partial<Story> & Record<string, unknown>, field: string) => {
  expect(problems({ ...makeStory(), ...overrides }).some((p) => p.startsWith(`${field}:`))).toBe(true);
};

describe('a story of the reading corner', () => {
  test('a story as docs/content-format.md describes it is valid', () => {
    expect(problems(makeStory())).toEqual([]);
  });

  test('the body length counts every paragraph without white space', () => {
    expect(storyBodyLength({ paragraphs: ['红船 精神', ' 开天\n辟地 '] })).toBe(8);
    expect(storyBodyLength(makeStory())).toBe(900);
  });

  test('a story too short or too long is refused', () => {
    refuses({ paragraphs: bodyOf(799), readingMinutes: 3 }, 'paragraphs');
    refuses({ paragraphs: bodyOf(2001), readingMinutes: 7 }, 'paragraphs');
    expect(problems(makeStory({ paragraphs: bodyOf(800), readingMinutes: 3 }))).toEqual([]);
    expect(problems(makeStory({ paragraphs: bodyOf(2000), readingMinutes: 7 }))).toEqual([]);
  });

  test('white space does not make a short story long enough', () => {
    refuses({ paragraphs: [...bodyOf(790), ' '.repeat(50)], readingMinutes: 3 }, 'paragraphs');
  });

  test('a wrong readingMinutes is refused', () => {
    refuses({ readingMinutes: 4 }, 'readingMinutes');
    expect(problems(makeStory({ paragraphs: bodyOf(901), readingMinutes: 4 }))).toEqual([]);
  });

  test('a summary outside 30 to 200 characters is refused', () => {
    refuses({ summary: '一大召开。' }, 'summary');
    refuses({ summary: '长'.repeat(201) }, 'summary');
  });

  test('an id that is not <theme>-NN, or of another theme, is refused', () => {
    refuses({ id: 'founding-001' }, 'id');
    refuses({ id: 'reform-01' }, 'id');
  });

  test('an unknown field, an empty source list or an empty title is refused', () => {
    refuses({ author: '编者' }, '');
    refuses({ sources: [] }, 'sources');
    refuses({ sources: [''] }, 'sources.0');
    refuses({ title: '' }, 'title');
  });

  test('a story of theme qinghai is marked region qinghai', () => {
    refuses({ id: 'qinghai-01', theme: 'qinghai' }, 'region');
    expect(problems(makeStory({ id: 'qinghai-01', theme: 'qinghai', region: 'qinghai' }))).toEqual([]);
  });

  test('a file holds only the stories of the theme it is named for', () => {
    expect(storyFileSchema('founding').safeParse([makeStory()]).success).toBe(true);
    expect(storyFileSchema('labor').safeParse([makeStory()]).success).toBe(false);
  });
});
