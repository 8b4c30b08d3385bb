import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/** China has no DST: Asia/Shanghai is always UTC+8, so a fixed offset is exact. */
const shanghaiOffsetMinutes = 8 * 60;

/** The Asia/Shanghai calendar day of an instant, e.g. "2026-11-25". */
export function dayKey(now: Date): string {
  return dayjs(now).utcOffset(shanghaiOffsetMinutes).format('YYYY-MM-DD');
}

/** The week (Monday 00:00 Asia/Shanghai onwards) named by its Monday, e.g. "W2026-11-23". */
export function weekKey(now: Date): string {
  const local = dayjs(now).utcOffset(shanghaiOffsetMinutes);
  const sinceMonday = (local.day() + 6) % 7;
  return `W${local.subtract(sinceMonday, 'day').format('YYYY-MM-DD')}`;
}

export const periods = ['day', 'week', 'all'] as const;
export type Period = (typeof periods)[number];

/** The key of the period an instant falls in; "all" has one everlasting period. */
export function periodKey(period: Period, now: Date): string {
  if (period === 'day') return dayKey(now);
  if (period === 'week') return weekKey(now);
  return 'all';
}
