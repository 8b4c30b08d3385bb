import { questionFieldNames, questionSchema } from '../../server/content/questionSchema';
import { storyFieldNames, storySchema } from '../../server/content/storySchema';
import { issuesByField, issueText } from '../../server/contracts/issueMessages';
import { saveStory } from '../../server/contracts/reading';
import { describeIssues } from '../../server/runtime/describeIssues';
import { bodyOf, makeQuestion, makeStory } from '../content/helpers/contentFixtures';

// What editors read beside a field and in the server's answers: Chinese, naming the field, never zod's English.
function storyProblems(overrides: Record<string, unknown>): Record<string, string> {
  const checked = storySchema.safeParse({ ...makeStory(), ...overrides });
  if (checked.success) throw new Error('expected problems');
  return issuesByField(checked.error, storyFieldNames, 'story');
}

function questionProblems(overrides: Record<string, unknown>): Record<string, string> {
  const checked = questionSchema.safeParse({ ...makeQuestion(), ...overrides });
  if (checked.success) throw new Error('expected problems');
  return issuesByField(checked.error, questionFieldNames, 'stem');
}

describe('story form messages', () => {
  test('an empty title, an empty paragraph, a blank source and no keywords are each named', () => {
    const paragraphs = bodyOf(900);
    paragraphs.splice(2, 0, '   ');
    expect(storyProblems({ title: '' })).toEqual({ title: '标题不能为空' });
    expect(storyProblems({ paragraphs })).toEqual({ paragraphs: '第 3 段不能为空' });
    expect(storyProblems({ sources: ['《简史》', ' '] })).toEqual({ sources: '第 2 条资料来源不能为空' });
    expect(storyProblems({ keywords: [] })).toEqual({ keywords: '关键词至少要填一项' });
  });

  test('lengths the content rules set are said with the figures', () => {
    expect(storyProblems({ summary: '太短的摘要。' })).toEqual({ summary: '摘要共 6 个字,应为 30–200 个字' });
    expect(storyProblems({ paragraphs: bodyOf(500), readingMinutes: 2 })).toEqual({ paragraphs: '正文共 500 个字,应为 800–2000 个字' });
    expect(storyProblems({ year: 1700 })).toEqual({ year: '年份不能小于 1800' });
  });

  test('the save contract’s bounds too: a paragraph over 2,000 characters', () => {
    const input = { id: 'labor-50', title: '标题', theme: 'labor', era: '新时代', year: 2020, summary: '摘要', keywords: ['劳模'], paragraphs: ['第一段', '长'.repeat(2001)], sources: ['青海日报'] };
    const parsed = saveStory.input.safeParse(input);
    if (parsed.success) throw new Error('expected a problem');
    expect(issueText(parsed.error.issues[0] as never, storyFieldNames)).toBe('第 2 段不能超过 2000 个字');
    // Any action's BAD_INPUT answer (the router's describeIssues) says it in Chinese too.
    expect(describeIssues(parsed.error)).toBe('输入有误(第 2 段):不能超过 2000 个字');
  });
});

describe('question form messages', () => {
  test('the bank’s rules in the editor’s words', () => {
    expect(questionProblems({ explanation: '这是一段没有句号的解析文字' })).toEqual({ explanation: '解析要以句号“。”结尾' });
    expect(questionProblems({ explanation: '太短。' })).toEqual({ explanation: '解析至少 10 个字' });
    expect(questionProblems({ options: ['甲', '乙', '丙'] })).toEqual({ options: '选项:单选题应有 4 个选项,现在是 3 个' });
    expect(questionProblems({ options: ['甲', '', '丙', '丁'] })).toEqual({ options: '第 2 个选项不能为空' });
    expect(questionProblems({ answer: ['B', 'C'] })).toEqual({ answer: '答案只能有一个,现在是 2 个' });
    expect(questionProblems({ stem: ' ' })).toEqual({ stem: '题干不能为空' });
  });

  test('no message shown to an editor is zod’s English', () => {
    const all = [
      ...Object.values(questionProblems({ type: 'essay', difficulty: 7, answer: ['F'] })),
      ...Object.values(storyProblems({ theme: 'sports', year: 'x' })),
    ];
    expect(all.length).toBeGreaterThan(0);
    for (const message of all) expect(message).not.toMatch(/[A-Za-z]{3,}/);
  });
});
