import type { HistoryKey } from '../../contracts/content';
import { shuffle } from './shuffle';

/**
 * A contest paper: an even share of each history, drawn from the sealed pool (which nothing else
 * serves); only when a history's sealed questions run short are open ones added, so the paper still
 * has the length the organisers set. Those stay out of the worker's own practice while the paper is open.
 */
export function pickContestQuestionIds(sealed: ReadonlyMap<HistoryKey, readonly string[]>, open: ReadonlyMap<HistoryKey, readonly string[]>, questionCount: number, rng: () => number): string[] {
  const histories = [...new Set([...sealed.keys(), ...open.keys()])];
  if (histories.length === 0) return [];
  const perHistory = Math.ceil(questionCount / histories.length);
  const byHistory = histories.map((h) => shuffle(sealed.get(h) ?? [], rng).concat(shuffle(open.get(h) ?? [], rng)).slice(0, perHistory));
  // Round robin so that trimming to the count keeps the histories even, sealed questions first.
  const picked: string[] = [];
  for (let i = 0; i < perHistory; i += 1) for (const list of byHistory) if (list[i]) picked.push(list[i] as string);
  return shuffle(picked.slice(0, questionCount), rng);
}
