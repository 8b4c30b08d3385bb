import type { HistoryKey } from '../../contracts/content';
import type { PublicQuestion, ReviewItem } from '../../contracts/quiz/quizTypes';
import { optionLetters, type OptionLetter, type Question } from '../../content/questionSchema';
import { shuffle } from './shuffle';

/** An option as the attempt keeps it: the id this attempt shows, and the bank's letter (never sent). */
export interface PaperOption {
  key: string;
  text: string;
  letter: OptionLetter;
}

/** A question as the attempt keeps it on the server: shown order plus what the worker must not see yet. */
export interface PaperQuestion extends PublicQuestion {
  options: PaperOption[];
  /** The right options, as this attempt's option ids. */
  answer: string[];
  explanation: string;
}

export type BankQuestion = Omit<Question, 'id'> & { _id: string };

/**
 * Picks `perHistory` questions from each history, preferring ones the worker has not seen recently
 * (falling back to seen ones when a history runs short), in a shuffled order.
 */
export function pickQuestionIds(idsByHistory: ReadonlyMap<HistoryKey, readonly string[]>, recent: ReadonlySet<string>, perHistory: number, rng: () => number): string[] {
  const picked: string[] = [];
  for (const ids of idsByHistory.values()) {
    const fresh = shuffle(ids.filter((q) => !recent.has(q)), rng);
    const stale = shuffle(ids.filter((q) => recent.has(q)), rng);
    picked.push(...fresh.concat(stale).slice(0, perHistory));
  }
  return shuffle(picked, rng);
}

const idAlphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const optionIdLength = 8;

/** Random option ids, distinct within one question: they say nothing about the bank's letters. */
export function opaqueOptionIds(count: number, rng: () => number): string[] {
  const ids = new Set<string>();
  while (ids.size < count) {
    let id = '';
    for (let i = 0; i < optionIdLength; i += 1) id += idAlphabet[Math.floor(rng() * idAlphabet.length)];
    ids.add(id);
  }
  return [...ids];
}

/**
 * Options shuffled per attempt, each under a fresh random id, so neither the order nor the ids of one
 * attempt tell anything about the key of another; a true/false question keeps 正确 before 错误.
 */
export function toPaperQuestion(q: BankQuestion, rng: () => number): PaperQuestion {
  const ids = opaqueOptionIds(q.options.length, rng);
  const options: PaperOption[] = q.options.map((text, i) => ({ key: ids[i] as string, text, letter: optionLetters[i] as OptionLetter }));
  const keyOf = new Map(options.map((o) => [o.letter as string, o.key]));
  return {
    id: q._id,
    history: q.history,
    type: q.type,
    stem: q.stem,
    options: q.type === 'judge' ? options : shuffle(options, rng),
    answer: q.answer.map((letter) => keyOf.get(letter) as string),
    explanation: q.explanation,
  };
}

/** The bank's letters of the given option ids of this attempt (unknown ids are dropped). */
export function bankLetters(q: PaperQuestion, keys: readonly string[]): OptionLetter[] {
  return q.options.filter((o) => keys.includes(o.key)).map((o) => o.letter);
}

/** Strips what must not leave the server before submission. */
export function toPublic(q: PaperQuestion): PublicQuestion {
  return { id: q.id, history: q.history, type: q.type, stem: q.stem, options: q.options.map((o) => ({ key: o.key, text: o.text })) };
}

export function toReview(q: PaperQuestion, chosen: readonly string[]): ReviewItem {
  return { ...toPublic(q), chosen: [...chosen], answer: [...q.answer], correct: isCorrect(q.answer, chosen), explanation: q.explanation };
}

/** Right only when exactly the right set of options is chosen (order does not matter). */
export function isCorrect(answer: readonly string[], chosen: readonly string[]): boolean {
  const a = new Set(answer);
  const c = new Set(chosen);
  return a.size === c.size && [...a].every((k) => c.has(k));
}
