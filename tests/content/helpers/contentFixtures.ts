import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Question } from '../../../server/content/questionSchema';
import type { Story } from '../../../server/content/storySchema';
import { defaultContentDir } from '../../../scripts/content/loadContent';

export function makeQuestion(overrides: Partial<Question> = {}): Question {
  return {
    id: 'party-001',
    history: 'party',
    type: 'single',
    difficulty: 1,
    stem: '中国共产党第一次全国代表大会于哪一年召开？',
    options: ['1919年', '1921年', '1927年', '1949年'],
    answer: ['B'],
    explanation: '1921年7月，中国共产党第一次全国代表大会在上海开幕，宣告中国共产党正式成立。',
    source: '《中国共产党简史》第一章，人民出版社、中共党史出版社，2021年',
    ...overrides,
  };
}

/** A body of `length` characters (white space not counted), split into paragraphs of 200. */
export function bodyOf(length: number): string[] {
  const text = '工人阶级是我国的领导阶级，是全面建设社会主义现代化国家的主力军。'.repeat(Math.ceil(length / 30)).slice(0, length);
  const paragraphs: string[] = [];
  for (let i = 0; i < text.length; i += 200) paragraphs.push(text.slice(i, i + 200));
  return paragraphs;
}

export function makeStory(overrides: Partial<Story> = {}): Story {
  return {
    id: 'founding-01',
    title: '红船启航',
    theme: 'founding',
    era: '1921年',
    year: 1921,
    summary: '1921年7月，中国共产党第一次全国代表大会在上海开幕，最后一天的会议转移到嘉兴南湖的游船上举行。',
    keywords: ['南湖', '红船'],
    paragraphs: bodyOf(900),
    sources: ['《中国共产党简史》，人民出版社、中共党史出版社，2021年'],
    readingMinutes: 3,
    ...overrides,
  };
}

/** A small valid bank: every history and type, a Qinghai question, a sealed question, a Qinghai story. */
export function fixtureQuestions(): Question[] {
  return [
    makeQuestion(),
    makeQuestion({
      id: 'party-002',
      type: 'multiple',
      difficulty: 2,
      stem: '遵义会议，“在最危急的关头挽救了党”。下列关于这次会议的说法，正确的有：',
      options: ['1935年1月召开', '在贵州遵义召开', '确立了毛泽东在党中央和红军的领导地位', '在陕北召开', '是党的第七次全国代表大会'],
      answer: ['A', 'B', 'C'],
      explanation: '遵义会议于1935年1月在贵州遵义召开,\n实际上确立了毛泽东在党中央和红军的领导地位。',
    }),
    makeQuestion({
      id: 'prc-001',
      history: 'prc',
      type: 'judge',
      difficulty: 1,
      stem: '1949年10月1日，中华人民共和国中央人民政府成立典礼在北京天安门广场举行。',
      options: ['正确', '错误'],
      answer: ['A'],
      explanation: '1949年10月1日下午，开国大典在北京天安门广场隆重举行。',
      source: '《中华人民共和国简史》，人民出版社、当代中国出版社，2021年',
    }),
    makeQuestion({
      id: 'reform-001',
      history: 'reform',
      difficulty: 3,
      stem: '"改革开放" 的伟大决策是在哪次会议上作出的?',
      options: ['党的十一届三中全会', '党的十二大', '党的十三大', '党的十四大'],
      answer: ['A'],
      explanation: '1978年12月召开的党的十一届三中全会，作出了把党和国家工作中心转移到经济建设上来、实行改革开放的历史性决策。',
      source: '《改革开放简史》，人民出版社、中国社会科学出版社，2021年',
      sealed: true,
    }),
    makeQuestion({
      id: 'socialism-001',
      history: 'socialism',
      difficulty: 2,
      stem: '标志着科学社会主义诞生的著作是：',
      options: ['《共产党宣言》', '《资本论》', '《国家与革命》', '《反杜林论》'],
      answer: ['A'],
      explanation: '1848年2月发表的《共产党宣言》标志着科学社会主义的诞生。',
      source: '《社会主义发展简史》，人民出版社、学习出版社，2021年',
    }),
    makeQuestion({
      id: 'labor-001',
      history: 'labor',
      difficulty: 2,
      stem: '青海省总工会的办公地点位于哪座城市？',
      options: ['西宁', '格尔木', '德令哈', '玉树'],
      answer: ['A'],
      explanation: '青海省会西宁是青海省总工会的所在地。',
      source: '青海省总工会官方网站',
      region: 'qinghai',
    }),
  ];
}

export function fixtureStories(): Story[] {
  return [
    makeStory(),
    makeStory({
      id: 'qinghai-01',
      title: '青藏铁路上的筑路人',
      theme: 'qinghai',
      era: '2001年—2006年',
      year: 2006,
      keywords: ['青藏铁路'],
      paragraphs: bodyOf(1200),
      readingMinutes: 4,
      region: 'qinghai',
    }),
  ];
}

/** Writes items to <dir>/<kind>/<key>.json, grouped by history or theme, as the data files are formatted. */
export function writeBank(dir: string, questions: readonly Question[], stories: readonly Story[]): void {
  const write = (kind: string, key: string, items: unknown[]) => {
    mkdirSync(path.join(dir, kind), { recursive: true });
    writeFileSync(path.join(dir, kind, `${key}.json`), `${JSON.stringify(items, null, 2)}\n`);
  };
  for (const h of new Set(questions.map((q) => q.history))) write('questions', h, questions.filter((q) => q.history === h));
  for (const t of new Set(stories.map((s) => s.theme))) write('stories', t, stories.filter((s) => s.theme === t));
}

export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'content-'));
}

export function fixtureDir(): string {
  const dir = tempDir();
  writeBank(dir, fixtureQuestions(), fixtureStories());
  return dir;
}

/** A copy of the repository's data/, so a test can write without touching the real files. */
export function copyRepoData(): string {
  const dir = tempDir();
  for (const kind of ['questions', 'stories']) cpSync(path.join(defaultContentDir, kind), path.join(dir, kind), { recursive: true });
  return dir;
}

/** Every file of <dir>/questions as text, to prove an import wrote nothing. */
export function questionFileTexts(dir: string): Record<string, string> {
  const folder = path.join(dir, 'questions');
  return Object.fromEntries(readdirSync(folder).map((name) => [name, readFileSync(path.join(folder, name), 'utf8')]));
}

export function parsedQuestionFiles(dir: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(questionFileTexts(dir)).map(([name, text]) => [name.replace(/\.json$/, ''), JSON.parse(text)]));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
