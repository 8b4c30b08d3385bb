import dayjs from 'dayjs';

/** How many days one look-back read covers; a longer streak reads the next window. */
export const streakWindow = 30;

/** The `count` calendar days before `day` ("YYYY-MM-DD"), newest first. */
export function daysBefore(day: string, count: number): string[] {
  const start = dayjs(day, 'YYYY-MM-DD');
  return Array.from({ length: count }, (_, i) => start.subtract(i + 1, 'day').format('YYYY-MM-DD'));
}

/** How many of the days (newest first) were done before the first missed one. */
export function leadingRun(days: readonly string[], done: ReadonlySet<string>): number {
  const missed = days.findIndex((day) => !done.has(day));
  return missed === -1 ? days.length : missed;
}
