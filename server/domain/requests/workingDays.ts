/**
 * Working days in Asia/Shanghai (UTC+8 all year: China has no daylight saving), with the State
 * Council's holidays and adjusted working days. Pure: the calendar is passed in.
 */
export interface HolidayCalendar {
  holidays: ReadonlySet<string>;
  adjustedWorkdays: ReadonlySet<string>;
}

const shanghaiOffsetMs = 8 * 60 * 60 * 1000;
const dayMs = 24 * 60 * 60 * 1000;

export function calendarFrom(table: { years: Record<string, { holidays: string[]; adjustedWorkdays: string[] }> }): HolidayCalendar {
  const years = Object.values(table.years);
  return { holidays: new Set(years.flatMap((y) => y.holidays)), adjustedWorkdays: new Set(years.flatMap((y) => y.adjustedWorkdays)) };
}

/** The calendar day (YYYY-MM-DD) an instant falls on in Shanghai. */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + shanghaiOffsetMs).toISOString().slice(0, 10);
}

function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + dayMs).toISOString().slice(0, 10);
}

export function isWorkingDay(day: string, calendar: HolidayCalendar): boolean {
  if (calendar.adjustedWorkdays.has(day)) return true;
  if (calendar.holidays.has(day)) return false;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The deadline `count` working days after `start`: counting begins the day after it (a request
 * filed on Friday evening has Monday as its first day) and ends at midnight after the last one.
 */
export function workingDeadline(start: Date, count: number, calendar: HolidayCalendar): Date {
  let day = shanghaiDay(start);
  for (let counted = 0; counted < count; ) {
    day = dayAfter(day);
    if (isWorkingDay(day, calendar)) counted += 1;
  }
  return new Date(Date.parse(`${dayAfter(day)}T00:00:00Z`) - shanghaiOffsetMs);
}
