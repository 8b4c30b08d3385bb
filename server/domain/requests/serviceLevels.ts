import holidayTable from '../../../data/holidays.json';
import { calendarFrom, workingDeadline, type HolidayCalendar } from './workingDays';

/** Service-level times in working days (the notice's defaults; change them here). */
export const serviceLevels = { acceptWithinWorkingDays: 2, resolveWithinWorkingDays: 15 } as const;

export const holidayCalendar: HolidayCalendar = calendarFrom(holidayTable);

/** Deadlines for a request that enters an organisation's queue at `from`. */
export function deadlinesFrom(from: Date, levels: { acceptWithinWorkingDays: number; resolveWithinWorkingDays: number } = serviceLevels, calendar = holidayCalendar) {
  return {
    acceptDueAt: workingDeadline(from, levels.acceptWithinWorkingDays, calendar),
    resolveDueAt: workingDeadline(from, levels.resolveWithinWorkingDays, calendar),
  };
}
