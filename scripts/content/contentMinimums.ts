import { historyKeys, type HistoryKey } from '../../server/contracts/content';
import type { BankCounts, Finding } from '../../server/content/bankChecks';

/** The content issue's minimums: the bank is not done until every one is met. */
export const contentMinimums = {
  questions: 1000,
  byHistory: { party: 150, prc: 150, reform: 150, socialism: 150, labor: 150 } satisfies Record<HistoryKey, number>,
  qinghaiQuestions: 80,
  sealedQuestions: 200,
  stories: 60,
  qinghaiStories: 15,
} as const;

export function minimumShortfalls(counts: BankCounts): Finding[] {
  const m = contentMinimums;
  const shortfall = (file: string, what: string, have: number, need: number): Finding[] =>
    have >= need ? [] : [{ file, id: '-', message: `${what}: ${have} of the ${need} required`, check: 'minimum' }];
  return [
    ...shortfall('questions', 'questions', counts.questions.total, m.questions),
    ...historyKeys.flatMap((h) => shortfall(`questions/${h}.json`, `${h} questions`, counts.questions.byHistory[h].total, m.byHistory[h])),
    ...shortfall('questions', 'Qinghai questions', counts.questions.qinghai, m.qinghaiQuestions),
    ...shortfall('questions', 'sealed contest questions', counts.questions.sealed, m.sealedQuestions),
    ...shortfall('stories', 'stories', counts.stories.total, m.stories),
    ...shortfall('stories', 'Qinghai stories', counts.stories.qinghai, m.qinghaiStories),
  ];
}

/** Each letter's share of the single-choice keys must lie in this range, so "always C" cannot pay. */
export const singleKeyShare = { min: 0.2, max: 0.3 } as const;

export function keyBalanceFindings(counts: BankCounts): Finding[] {
  const { total, byLetter } = counts.questions.keys.single;
  if (total === 0) return [];
  return Object.entries(byLetter)
    .filter(([, n]) => n / total < singleKeyShare.min || n / total > singleKeyShare.max)
    .map(([letter, n]) => ({
      file: 'questions',
      id: '-',
      message: `single-choice key ${letter}: ${((100 * n) / total).toFixed(1)} % of ${total}, not ${100 * singleKeyShare.min}–${100 * singleKeyShare.max} %`,
      check: 'keyBalance' as const,
    }));
}
