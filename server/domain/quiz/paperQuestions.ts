import type { HistoryKey } from '../../contracts/content';
import type { PublicQuestion, ReviewItem } from '../../contracts/quiz/quizTypes';
import { optionLetters, type Question } from '../../content/questionSchema';
import { shuffle } from './shuffle';

/** A question as the attempt keeps it on the server: shown order plus what the worker must not see yet. */
export interface PaperQuestion extends PublicQuestion {
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

/** Options shuffled per attempt; a true/false question keeps 正确 before 错误. */
export function toPaperQuestion(q: BankQuestion, rng: () => number): PaperQuestion {
  const options = q.options.map((text, i) => ({ key: optionLetters[i] as string, text }));
  return {
    id: q._id,
    history: q.history,
    type: q.type,
    stem: q.stem,
    options: q.type === 'judge' ? options : shuffle(options, rng),
    answer: [...q.answer],
    explanation: q.explanation,
  };
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
