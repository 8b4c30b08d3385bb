import { previousDay } from './shanghaiDay';

/** Today's streak: yesterday's plus one if the worker checked in yesterday, else a fresh start. */
export function nextStreak(today: string, last: { day: string; streak: number } | null): number {
  if (last && last.day === previousDay(today)) return last.streak + 1;
  return 1;
}

/** The streak shown today: it still counts if the last check-in was today or yesterday. */
export function currentStreak(today: string, last: { day: string; streak: number } | null): number {
  if (!last) return 0;
  return last.day === today || last.day === previousDay(today) ? last.streak : 0;
}
