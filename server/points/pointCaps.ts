/** Where points come from; each source has its own daily cap (Asia/Shanghai day). */
export const pointSources = ['quiz-daily', 'quiz-practice', 'quiz-challenge', 'quiz-contest', 'reading', 'reading-checkin'] as const;
export type PointSource = (typeof pointSources)[number];

export const dailyCaps: Record<PointSource, number> = {
  'quiz-daily': 20,
  'quiz-practice': 10,
  'quiz-challenge': 10,
  'quiz-contest': 30,
  reading: 10,
  'reading-checkin': 5,
};

/** What may still be awarded today under the cap: never negative, never more than asked. */
export function cappedAward(points: number, earnedToday: number, cap: number): number {
  return Math.max(0, Math.min(Math.floor(points), cap - earnedToday));
}
