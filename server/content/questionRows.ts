import { historyKeys, type HistoryKey } from '../contracts/content';
import { optionLetters, type Question, type QuestionType } from './questionSchema';

/**
 * One question as one spreadsheet row and back. The sheet is edited by people in Excel, so the
 * import also takes the Chinese names of histories and types and answers written "A,C".
 */
export const questionColumns = [
  { key: 'id', header: '编号' },
  { key: 'history', header: '历史' },
  { key: 'type', header: '题型' },
  { key: 'difficulty', header: '难度' },
  { key: 'stem', header: '题干' },
  ...optionLetters.map((letter) => ({ key: `option${letter}` as const, header: `选项${letter}` })),
  { key: 'answer', header: '答案' },
  { key: 'explanation', header: '解析' },
  { key: 'source', header: '出处' },
  { key: 'region', header: '地区' },
  { key: 'sealed', header: '竞赛专用' },
] as const;

export type ColumnKey = (typeof questionColumns)[number]['key'];
export type Cells = Partial<Record<ColumnKey, string>>;

const historyNames: Record<string, HistoryKey> = { 党史: 'party', 新中国史: 'prc', 改革开放史: 'reform', 社会主义发展史: 'socialism', 中国工运史: 'labor', 工运史: 'labor' };
const typeNames: Record<string, QuestionType> = { 单选: 'single', 单选题: 'single', 多选: 'multiple', 多选题: 'multiple', 判断: 'judge', 判断题: 'judge' };

export function questionToCells(q: Question): Record<ColumnKey, string | number> {
  const option = (i: number) => q.options[i] ?? '';
  return {
    id: q.id,
    history: q.history,
    type: q.type,
    difficulty: q.difficulty,
    stem: q.stem,
    optionA: option(0),
    optionB: option(1),
    optionC: option(2),
    optionD: option(3),
    optionE: option(4),
    answer: q.answer.join(''),
    explanation: q.explanation,
    source: q.source,
    region: q.region ?? '',
    sealed: q.sealed === true ? '是' : q.sealed === false ? '否' : '',
  };
}

/** Which column holds what: a header cell is "编号", "id" or both ("编号 id"). */
export function mapHeader(header: readonly string[]): { columns: Array<ColumnKey | undefined>; problems: string[] } {
  const problems: string[] = [];
  const columns = header.map((text, index) => {
    const tokens = text.trim().toLowerCase().split(/[\s()（）/]+/).filter(Boolean);
    if (tokens.length === 0) return undefined;
    const column = questionColumns.find((c) => tokens.includes(c.header.toLowerCase()) || tokens.includes(c.key.toLowerCase()));
    if (!column) problems.push(`第 ${index + 1} 列“${text}”不是题目的栏目`);
    return column?.key;
  });
  for (const column of questionColumns) {
    const found = columns.filter((key) => key === column.key).length;
    if (found > 1) problems.push(`“${column.header}”列出现了 ${found} 次`);
    if (found === 0 && column.key !== 'region' && column.key !== 'sealed' && column.key !== 'optionE') problems.push(`缺少“${column.header}”列`);
  }
  return { columns, problems };
}

/**
 * The question a row describes, key order as in the data files, for the schema to judge; problems
 * the schema cannot see (a hole between options would shift every answer letter after it).
 */
export function cellsToCandidate(cells: Cells): { candidate: Record<string, unknown>; problems: string[] } {
  const problems: string[] = [];
  const get = (key: ColumnKey) => (cells[key] ?? '').trim();
  const history = get('history');
  const type = get('type');
  const difficulty = get('difficulty');
  const options = optionLetters.map((letter) => get(`option${letter}`));
  const lastFilled = options.reduce((last, option, i) => (option === '' ? last : i), -1);
  options.slice(0, lastFilled + 1).forEach((option, i) => {
    if (option === '') problems.push(`选项${optionLetters[i]}是空的,后面的选项却有内容`);
  });
  const region = get('region');
  const candidate: Record<string, unknown> = {
    id: get('id'),
    history: historyNames[history] ?? history,
    type: typeNames[type] ?? type,
    difficulty: /^\d+$/.test(difficulty) ? Number(difficulty) : difficulty,
    stem: get('stem'),
    options: options.slice(0, lastFilled + 1),
    answer: Array.from(get('answer').toUpperCase().replace(/[\s,，、;；]/g, '')),
    explanation: get('explanation'),
    source: get('source'),
  };
  if (region !== '') candidate.region = region === '青海' ? 'qinghai' : region;
  const sealed = get('sealed').toLowerCase();
  if (sealed !== '') candidate.sealed = ['是', 'true', '1', 'y', 'yes'].includes(sealed) ? true : ['否', 'false', '0', 'n', 'no'].includes(sealed) ? false : sealed;
  return { candidate, problems };
}

/** Where a row's question is kept: data/questions/<history>.json, if the history is a key. */
export function historyOf(candidate: Record<string, unknown>): HistoryKey | undefined {
  const history = candidate.history;
  return typeof history === 'string' && (historyKeys as readonly string[]).includes(history) ? (history as HistoryKey) : undefined;
}
