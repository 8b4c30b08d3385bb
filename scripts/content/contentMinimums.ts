import { historyKeys, type HistoryKey } from '../../server/contracts/content';
import type { BankCounts, Finding } from '../../server/content/bankChecks';

/** The content issue's minimums: the bank is not done until every one is met. */
export const contentMinimums = {
  questions: 600,
  byHistory: { party: 150, prc: 120, reform: 120, socialism: 100, labor: 110 } satisfies Record<HistoryKey, number>,
  qinghaiQuestions: 25,
  stories: 40,
  qinghaiStories: 8,
} as const;

export function minimumShortfalls(counts: BankCounts): Finding[] {
  const m = contentMinimums;
  const shortfall = (file: string, what: string, have: number, need: number): Finding[] =>
    have >= need ? [] : [{ file, id: '-', message: `${what}: ${have} of the ${need} required`, check: 'minimum' }];
  return [
    ...shortfall('questions', 'questions', counts.questions.total, m.questions),
    ...historyKeys.flatMap((h) => shortfall(`questions/${h}.json`, `${h} questions`, counts.questions.byHistory[h].total, m.byHistory[h])),
    ...shortfall('questions', 'Qinghai questions', counts.questions.qinghai, m.qinghaiQuestions),
    ...shortfall('stories', 'stories', counts.stories.total, m.stories),
    ...shortfall('stories', 'Qinghai stories', counts.stories.qinghai, m.qinghaiStories),
  ];
}
