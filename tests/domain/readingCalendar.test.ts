import { currentStreak, nextStreak } from '../../server/domain/reading/checkinStreak';
import { recommendedIndex } from '../../server/domain/reading/recommendation';
import { creditFor, heartbeatSlot, storyTimeCapSeconds } from '../../server/domain/reading/readingTime';
import { monthBounds, previousDay, shanghaiDay, shanghaiMonth } from '../../server/domain/reading/shanghaiDay';

describe('reading days in Asia/Shanghai', () => {
  test('one minute before midnight in Xining is still today; at midnight it is tomorrow', () => {
    expect(shanghaiDay(new Date('2026-11-25T15:59:00Z'))).toBe('2026-11-25');
    expect(shanghaiDay(new Date('2026-11-25T16:00:00Z'))).toBe('2026-11-26');
  });

  test('a check-in streak runs on across Sunday night into Monday 00:00 in Xining', () => {
    const sunday = shanghaiDay(new Date('2026-11-29T15:59:59Z'));
    const monday = shanghaiDay(new Date('2026-11-29T16:00:00Z'));
    expect([sunday, monday]).toEqual(['2026-11-29', '2026-11-30']);
    expect(nextStreak(monday, { day: sunday, streak: 6 })).toBe(7);
  });

  test('the month turns at Shanghai midnight, and months know their length', () => {
    expect(shanghaiMonth(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12');
    expect(monthBounds('2028-02')).toEqual({ first: '2028-02-01', last: '2028-02-29' });
    expect(previousDay('2027-01-01')).toBe('2026-12-31');
  });

  test('a worker who checks in on consecutive days builds a streak; a missed day starts again', () => {
    expect(nextStreak('2026-11-26', { day: '2026-11-25', streak: 4 })).toBe(5);
    expect(nextStreak('2026-11-27', { day: '2026-11-25', streak: 4 })).toBe(1);
    expect(nextStreak('2026-11-27', null)).toBe(1);
    expect(currentStreak('2026-11-26', { day: '2026-11-25', streak: 4 })).toBe(4);
    expect(currentStreak('2026-11-28', { day: '2026-11-25', streak: 4 })).toBe(0);
  });
});

describe("today's recommendation", () => {
  test('is the same all day and usually changes the next day', () => {
    expect(recommendedIndex('2026-11-25', 42)).toBe(recommendedIndex('2026-11-25', 42));
    const week = ['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'].map((d) => recommendedIndex(d, 42));
    expect(new Set(week).size).toBeGreaterThan(1);
    for (const i of week) expect(i).toBeGreaterThanOrEqual(0);
    expect(recommendedIndex('2026-11-25', 0)).toBe(-1);
  });
});

describe('reading time', () => {
  test('heartbeats within one 30-second slot are one slot, the next slot is another', () => {
    expect(heartbeatSlot(new Date('2026-11-25T08:00:00Z'))).toBe(heartbeatSlot(new Date('2026-11-25T08:00:29Z')));
    expect(heartbeatSlot(new Date('2026-11-25T08:00:30Z'))).toBe(heartbeatSlot(new Date('2026-11-25T08:00:00Z')) + 1);
  });

  test('a story earns at most twice its reading time, then nothing', () => {
    const cap = storyTimeCapSeconds(5);
    expect(cap).toBe(600);
    expect(creditFor(0, cap)).toBe(30);
    expect(creditFor(590, cap)).toBe(10);
    expect(creditFor(600, cap)).toBe(0);
  });
});
