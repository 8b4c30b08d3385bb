import dayjs, { type Dayjs } from 'dayjs';

const shanghaiOffsetMs = 8 * 3600 * 1000;

/**
 * The instant as Shanghai's wall clock, in a dayjs whose local fields read it whatever the phone's
 * own time zone (dayjs formats in local time; the union's days are China's, which has no DST).
 */
function shanghaiClock(ms: number): Dayjs {
  const shifted = ms + shanghaiOffsetMs;
  return dayjs(shifted + new Date(shifted).getTimezoneOffset() * 60 * 1000);
}

/**
 * A time in a list, short enough for one line, as chat lists say it: 今天 22:22, 昨天 08:05, 12月2日
 * this year, 2025年12月2日 before. `now` is passed in (the page's Date.now()).
 */
export function shortTime(iso: string, now: number): string {
  const at = shanghaiClock(new Date(iso).getTime());
  const today = shanghaiClock(now).startOf('day');
  if (!at.isBefore(today)) return `今天 ${at.format('HH:mm')}`;
  if (!at.isBefore(today.subtract(1, 'day'))) return `昨天 ${at.format('HH:mm')}`;
  return at.year() === today.year() ? at.format('M月D日') : at.format('YYYY年M月D日');
}
