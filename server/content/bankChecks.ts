import type { z } from 'zod';
import { historyKeys, storyThemes, type HistoryKey, type StoryTheme } from '../contracts/content';
import { difficulties, optionLetters, questionSchemaFor, questionTypes, type Difficulty, type OptionLetter, type Question, type QuestionType } from './questionSchema';
import { sourceGaps, citationGapMessages } from './sourceCitations';
import { storySchemaFor, type Story } from './storySchema';

/**
 * Checks over the whole bank, the ones a single-item schema cannot make: unique ids, options and
 * titles, near-duplicate stems across every history, and the counts the issue sets minimums on.
 * Pure: the caller reads the files (scripts/content/loadContent.ts) and passes their parsed JSON.
 */

/** One data file: `key` is its name without .json, the history or theme it must hold. */
export type ContentFile = { file: string; key: string; data: unknown; parseError?: string };
export type Bank = { questions: ContentFile[]; stories: ContentFile[] };

export type CheckName = 'json' | 'schema' | 'minimum' | 'keyBalance' | 'duplicateId' | 'duplicateOption' | 'duplicateStem' | 'duplicateTitle' | 'qinghaiRegion' | 'sourceCitation';
export type Finding = { file: string; id: string; message: string; check: CheckName };
export type Located<T> = { file: string; item: T };

export type SimilarStems = {
  a: { id: string; file: string };
  b: { id: string; file: string };
  similarity: number;
  kind: 'identical' | 'similar' | 'contained';
};

/**
 * Where the right answers sit. Single: how many keys are each letter. Multiple: for each letter, in
 * how many questions it is an option and in how many it is right; how many right options questions
 * have, and how many have every option right (where "choose all" would always win). Judge: 正确 vs 错误.
 */
export type KeyBalance = {
  single: { total: number; byLetter: Record<'A' | 'B' | 'C' | 'D', number> };
  multiple: {
    total: number;
    offered: Record<OptionLetter, number>;
    right: Record<OptionLetter, number>;
    byRightCount: Record<number, number>;
    allRight: number;
  };
  judge: { total: number; right: number; wrong: number };
};

export type QuestionCounts = {
  total: number;
  qinghai: number;
  sealed: number;
  byHistory: Record<HistoryKey, { total: number; qinghai: number; sealed: number; byType: Record<QuestionType, Record<Difficulty, number>> }>;
  keys: KeyBalance;
};
export type StoryCounts = { total: number; qinghai: number; byTheme: Record<StoryTheme, { total: number; qinghai: number }> };
export type BankCounts = { questions: QuestionCounts; stories: StoryCounts; invalid: { questions: number; stories: number } };

export type BankReport = { errors: Finding[]; warnings: Finding[]; counts: BankCounts; similarStems: SimilarStems[] };

export const nearDuplicateThreshold = 0.85;
/** Below this length containment is too common ("哪一年") to mean the same question. */
export const containedMinLength = 12;

/** Compare texts on their characters only: width, case, punctuation and white space ignored. */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{Z}\s]/gu, '');
}

function bigrams(text: string): Set<string> {
  const chars = Array.from(text);
  if (chars.length < 2) return new Set(chars);
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i += 1) grams.add(chars[i] + chars[i + 1]);
  return grams;
}

/** Jaccard similarity of the two texts' character bigrams (after normalising). */
export function stemSimilarity(a: string, b: string): number {
  return jaccard(bigrams(normaliseText(a)), bigrams(normaliseText(b)));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** Every pair of stems that are the same, nearly the same, or one inside the other. */
export function findSimilarStems(items: ReadonlyArray<{ id: string; file: string; stem: string }>): SimilarStems[] {
  const prepared = items.map((q) => {
    const text = normaliseText(q.stem);
    return { ref: { id: q.id, file: q.file }, text, length: Array.from(text).length, grams: bigrams(text) };
  });
  const pairs: SimilarStems[] = [];
  for (let i = 0; i < prepared.length; i += 1) {
    for (let j = i + 1; j < prepared.length; j += 1) {
      const a = prepared[i];
      const b = prepared[j];
      const small = Math.min(a.grams.size, b.grams.size);
      const large = Math.max(a.grams.size, b.grams.size);
      // Jaccard can never exceed small/large: skip the set work for most pairs.
      const similarity = small >= nearDuplicateThreshold * large ? jaccard(a.grams, b.grams) : 0;
      const contained =
        a.length >= containedMinLength && b.length >= containedMinLength && (a.text.includes(b.text) || b.text.includes(a.text));
      if (a.text === b.text) pairs.push({ a: a.ref, b: b.ref, similarity: 1, kind: 'identical' });
      else if (similarity >= nearDuplicateThreshold) pairs.push({ a: a.ref, b: b.ref, similarity, kind: 'similar' });
      else if (contained) pairs.push({ a: a.ref, b: b.ref, similarity: jaccard(a.grams, b.grams), kind: 'contained' });
    }
  }
  return pairs;
}

function describeZodIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : ''}${issue.message}`).join('; ');
}

function itemId(item: unknown, index: number): string {
  const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id !== '' ? id : `#${index + 1}`;
}

type Validated = { questions: Located<Question>[]; stories: Located<Story>[]; errors: Finding[]; invalid: { questions: number; stories: number } };

/** Schema-check every item; the valid ones go on to the cross checks, the rest become errors. */
export function validateBank(bank: Bank): Validated {
  const errors: Finding[] = [];
  const invalid = { questions: 0, stories: 0 };
  const validateFiles = <T>(files: ContentFile[], kind: 'questions' | 'stories', schemaFor: (key: string) => z.ZodType<T> | undefined) => {
    const valid: Located<T>[] = [];
    for (const f of files) {
      const schema = schemaFor(f.key);
      if (f.parseError !== undefined) errors.push({ file: f.file, id: '-', message: `not valid JSON: ${f.parseError}`, check: 'json' });
      else if (!schema) errors.push({ file: f.file, id: '-', message: `"${f.key}" is not a ${kind === 'questions' ? 'history' : 'theme'} key`, check: 'schema' });
      else if (!Array.isArray(f.data)) errors.push({ file: f.file, id: '-', message: 'the file must hold a JSON array', check: 'json' });
      else {
        f.data.forEach((item, index) => {
          const result = schema.safeParse(item);
          if (result.success) valid.push({ file: f.file, item: result.data });
          else {
            invalid[kind] += 1;
            errors.push({ file: f.file, id: itemId(item, index), message: describeZodIssues(result.error), check: 'schema' });
          }
        });
      }
    }
    return valid;
  };
  const questions = validateFiles<Question>(bank.questions, 'questions', (key) =>
    (historyKeys as readonly string[]).includes(key) ? questionSchemaFor(key as HistoryKey) : undefined,
  );
  const stories = validateFiles<Story>(bank.stories, 'stories', (key) =>
    (storyThemes as readonly string[]).includes(key) ? storySchemaFor(key as StoryTheme) : undefined,
  );
  return { questions, stories, errors, invalid };
}

function duplicateIds(items: ReadonlyArray<{ file: string; id: string }>): Finding[] {
  const seen = new Map<string, string>();
  const found: Finding[] = [];
  for (const { file, id } of items) {
    const first = seen.get(id);
    if (first !== undefined) found.push({ file, id, message: `id also used in ${first}`, check: 'duplicateId' });
    else seen.set(id, file);
  }
  return found;
}

function duplicateOptions(questions: Located<Question>[]): Finding[] {
  return questions.flatMap(({ file, item }) => {
    const normal = item.options.map(normaliseText);
    const repeated = item.options.filter((_, i) => normal.indexOf(normal[i]) !== i);
    return repeated.map((option) => ({ file, id: item.id, message: `option "${option}" is repeated`, check: 'duplicateOption' as const }));
  });
}

function duplicateTitles(stories: Located<Story>[]): Finding[] {
  const seen = new Map<string, string>();
  const found: Finding[] = [];
  for (const { file, item } of stories) {
    const title = normaliseText(item.title);
    const first = seen.get(title);
    if (first !== undefined) found.push({ file, id: item.id, message: `title "${item.title}" is also the title of ${first}`, check: 'duplicateTitle' });
    else seen.set(title, item.id);
  }
  return found;
}

/** A source a reader cannot find: a book without its chapter, a report without its date or title. */
function uncheckableSources(questions: Located<Question>[], stories: Located<Story>[]): Finding[] {
  const located = [
    ...questions.map(({ file, item }) => ({ file, gaps: sourceGaps(item.id, item.source) })),
    ...stories.map(({ file, item }) => ({ file, gaps: sourceGaps(item.id, item.sources) })),
  ];
  return located.flatMap(({ file, gaps }) =>
    gaps.map((g): Finding => ({ file, id: g.id, message: `${citationGapMessages[g.gap]}: ${g.part}`, check: 'sourceCitation' })),
  );
}

/** A stem naming Qinghai without region "qinghai" would be missing from the Qinghai filter. */
function unmarkedQinghai(questions: Located<Question>[]): Finding[] {
  return questions
    .filter(({ item }) => item.region === undefined && item.stem.includes('青海'))
    .map(({ file, item }) => ({ file, id: item.id, message: 'the stem mentions 青海 but region is not "qinghai"', check: 'qinghaiRegion' }));
}

const letterCounts = () => Object.fromEntries(optionLetters.map((l) => [l, 0])) as Record<OptionLetter, number>;

export function countKeys(questions: readonly Question[]): KeyBalance {
  const keys: KeyBalance = {
    single: { total: 0, byLetter: { A: 0, B: 0, C: 0, D: 0 } },
    multiple: { total: 0, offered: letterCounts(), right: letterCounts(), byRightCount: {}, allRight: 0 },
    judge: { total: 0, right: 0, wrong: 0 },
  };
  for (const q of questions) {
    if (q.type === 'single') {
      keys.single.total += 1;
      const letter = q.answer[0];
      if (letter in keys.single.byLetter) keys.single.byLetter[letter as 'A' | 'B' | 'C' | 'D'] += 1;
    } else if (q.type === 'multiple') {
      const m = keys.multiple;
      m.total += 1;
      q.options.forEach((_, i) => (m.offered[optionLetters[i]] += 1));
      q.answer.forEach((letter) => (m.right[letter] += 1));
      m.byRightCount[q.answer.length] = (m.byRightCount[q.answer.length] ?? 0) + 1;
      if (q.answer.length === q.options.length) m.allRight += 1;
    } else {
      keys.judge.total += 1;
      if (q.answer[0] === 'A') keys.judge.right += 1;
      else keys.judge.wrong += 1;
    }
  }
  return keys;
}

export function countBank(questions: readonly Question[], stories: readonly Story[], invalid = { questions: 0, stories: 0 }): BankCounts {
  const byType = () =>
    Object.fromEntries(questionTypes.map((t) => [t, Object.fromEntries(difficulties.map((d) => [d, 0]))])) as Record<QuestionType, Record<Difficulty, number>>;
  const q: QuestionCounts = {
    total: 0,
    qinghai: 0,
    sealed: 0,
    byHistory: Object.fromEntries(historyKeys.map((h) => [h, { total: 0, qinghai: 0, sealed: 0, byType: byType() }])) as QuestionCounts['byHistory'],
    keys: countKeys(questions),
  };
  for (const item of questions) {
    const row = q.byHistory[item.history];
    const qinghai = item.region === 'qinghai' ? 1 : 0;
    const sealed = item.sealed === true ? 1 : 0;
    q.total += 1;
    q.qinghai += qinghai;
    q.sealed += sealed;
    row.total += 1;
    row.qinghai += qinghai;
    row.sealed += sealed;
    row.byType[item.type][item.difficulty] += 1;
  }
  const s: StoryCounts = {
    total: 0,
    qinghai: 0,
    byTheme: Object.fromEntries(storyThemes.map((t) => [t, { total: 0, qinghai: 0 }])) as StoryCounts['byTheme'],
  };
  for (const item of stories) {
    const qinghai = item.region === 'qinghai' ? 1 : 0;
    s.total += 1;
    s.qinghai += qinghai;
    s.byTheme[item.theme].total += 1;
    s.byTheme[item.theme].qinghai += qinghai;
  }
  return { questions: q, stories: s, invalid };
}

export function checkBank(bank: Bank): BankReport {
  const { questions, stories, errors, invalid } = validateBank(bank);
  // Ids are checked on every item that has one, valid or not, so a clash is never hidden behind a schema error.
  const ids = (files: ContentFile[]) =>
    files.flatMap((f) => (Array.isArray(f.data) ? f.data : []).map((item, i) => ({ file: f.file, id: itemId(item, i) })).filter(({ id }) => !id.startsWith('#')));
  const similarStems = findSimilarStems(questions.map(({ file, item }) => ({ file, id: item.id, stem: item.stem })));
  const stemErrors = similarStems.map(
    (pair): Finding => ({
      file: pair.b.file,
      id: pair.b.id,
      message: `stem is ${pair.kind === 'similar' ? 'nearly the same as' : pair.kind === 'contained' ? 'contained in or contains' : 'the same as'} ${pair.a.id} (${pair.a.file}), similarity ${pair.similarity.toFixed(2)}`,
      check: 'duplicateStem',
    }),
  );
  return {
    errors: [
      ...errors,
      ...duplicateIds(ids(bank.questions)),
      ...duplicateIds(ids(bank.stories)),
      ...duplicateOptions(questions),
      ...stemErrors,
      ...duplicateTitles(stories),
    ],
    warnings: [...unmarkedQinghai(questions), ...uncheckableSources(questions, stories)],
    counts: countBank(
      questions.map((q) => q.item),
      stories.map((s) => s.item),
      invalid,
    ),
    similarStems,
  };
}
