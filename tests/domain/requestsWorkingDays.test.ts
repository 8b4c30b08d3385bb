import { missedDeadline, runningDeadline } from '../../server/domain/requests/overdue';
import { holidayCalendar, deadlinesFrom } from '../../server/domain/requests/serviceLevels';
import { isWorkingDay, shanghaiDay, workingDeadline } from '../../server/domain/requests/workingDays';

const at = (iso: string) => new Date(iso);

describe('working days in Asia/Shanghai', () => {
  test('a request filed at 23:59 Sunday in Xining falls on Sunday, one filed a minute later on Monday', () => {
    expect(shanghaiDay(at('2026-11-22T15:59:00Z'))).toBe('2026-11-22');
    expect(shanghaiDay(at('2026-11-22T16:00:00Z'))).toBe('2026-11-23');
  });

  test('a request filed on Monday morning must be accepted by the end of Wednesday, Shanghai time', () => {
    expect(workingDeadline(at('2026-11-23T01:00:00Z'), 2, holidayCalendar).toISOString()).toBe('2026-11-25T16:00:00.000Z');
  });

  test('filed at 23:59 on Sunday the clock counts Monday and Tuesday; filed at 00:00 on Monday, Tuesday and Wednesday', () => {
    expect(workingDeadline(at('2026-11-22T15:59:00Z'), 2, holidayCalendar).toISOString()).toBe('2026-11-24T16:00:00.000Z');
    expect(workingDeadline(at('2026-11-22T16:00:00Z'), 2, holidayCalendar).toISOString()).toBe('2026-11-25T16:00:00.000Z');
  });

  test('a request filed on Friday evening counts Monday and Tuesday', () => {
    expect(workingDeadline(at('2026-11-27T12:00:00Z'), 2, holidayCalendar).toISOString()).toBe('2026-12-01T16:00:00.000Z');
  });

  test('the National Day holiday does not count and the adjusted Saturday does', () => {
    expect(isWorkingDay('2026-10-01', holidayCalendar)).toBe(false);
    expect(isWorkingDay('2026-10-10', holidayCalendar)).toBe(true);
    // Filed Wednesday 30 September: 1–7 October rest, 8 October is day one, 9 October day two.
    expect(workingDeadline(at('2026-09-30T02:00:00Z'), 2, holidayCalendar).toISOString()).toBe('2026-10-09T16:00:00.000Z');
  });

  test('the Spring Festival of 2025 is skipped and its adjusted Sunday worked', () => {
    expect(isWorkingDay('2025-01-26', holidayCalendar)).toBe(true);
    expect(isWorkingDay('2025-01-29', holidayCalendar)).toBe(false);
    expect(workingDeadline(at('2025-01-27T02:00:00Z'), 1, holidayCalendar).toISOString()).toBe('2025-02-05T16:00:00.000Z');
  });

  test('2027 without a notice yet counts only weekends as rest', () => {
    expect(isWorkingDay('2027-01-01', holidayCalendar)).toBe(true);
    expect(isWorkingDay('2027-01-02', holidayCalendar)).toBe(false);
  });

  test('accept within 2 and resolve within 15 working days by default', () => {
    const { acceptDueAt, resolveDueAt } = deadlinesFrom(at('2026-11-23T01:00:00Z'));
    expect(acceptDueAt.toISOString()).toBe('2026-11-25T16:00:00.000Z');
    expect(resolveDueAt.toISOString()).toBe('2026-12-14T16:00:00.000Z');
  });
});

describe('missed service-level times', () => {
  const due = { acceptDueAt: at('2026-11-25T16:00:00Z'), resolveDueAt: at('2026-12-14T16:00:00Z') };

  test('a waiting request misses acceptance at midnight Shanghai time, not a second before', () => {
    expect(missedDeadline({ status: 'submitted', ...due }, at('2026-11-25T15:59:59Z'))).toBeNull();
    expect(missedDeadline({ status: 'submitted', ...due }, at('2026-11-25T16:00:00Z'))).toBe('accept');
  });

  test('an accepted request can only miss its resolution time; resolved and closed ones miss nothing', () => {
    expect(missedDeadline({ status: 'accepted', ...due }, at('2026-12-01T00:00:00Z'))).toBeNull();
    expect(missedDeadline({ status: 'in_progress', ...due }, at('2026-12-14T16:00:00Z'))).toBe('resolve');
    expect(missedDeadline({ status: 'resolved', ...due }, at('2027-01-01T00:00:00Z'))).toBeNull();
    expect(missedDeadline({ status: 'withdrawn', ...due }, at('2027-01-01T00:00:00Z'))).toBeNull();
  });

  test('the deadline a worker sees is acceptance while waiting, resolution while worked on, none once resolved', () => {
    expect(runningDeadline({ status: 'transferred', ...due }, at('2026-11-24T00:00:00Z'))).toEqual({ kind: 'accept', dueAt: due.acceptDueAt, overdue: false });
    expect(runningDeadline({ status: 'in_progress', ...due }, at('2026-12-14T16:00:00Z'))).toEqual({ kind: 'resolve', dueAt: due.resolveDueAt, overdue: true });
    expect(runningDeadline({ status: 'resolved', ...due }, at('2027-01-01T00:00:00Z'))).toBeNull();
    expect(runningDeadline({ status: 'declined', ...due }, at('2026-11-24T00:00:00Z'))).toBeNull();
  });
});
