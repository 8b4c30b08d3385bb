import { boardKey, boardsFor } from '../../server/points/boardKeys';
import { cappedAward } from '../../server/points/pointCaps';
import { dayKey, weekKey } from '../../server/points/periodKeys';

describe('days and weeks of the points ledger, in Asia/Shanghai', () => {
  test('a point earned at 23:59 Shanghai time counts for that day, one earned at 00:00 for the next', () => {
    expect(dayKey(new Date('2026-11-25T15:59:59.999Z'))).toBe('2026-11-25');
    expect(dayKey(new Date('2026-11-25T16:00:00.000Z'))).toBe('2026-11-26');
  });

  test('the week starts on Monday 00:00 Shanghai time, which is Sunday 16:00 UTC', () => {
    // 2026-11-23 is a Monday.
    expect(weekKey(new Date('2026-11-22T15:59:59.999Z'))).toBe('W2026-11-16');
    expect(weekKey(new Date('2026-11-22T16:00:00.000Z'))).toBe('W2026-11-23');
    expect(weekKey(new Date('2026-11-29T15:59:59.999Z'))).toBe('W2026-11-23');
    expect(weekKey(new Date('2026-11-29T16:00:00.000Z'))).toBe('W2026-11-30');
  });

  test('a week that spans the new year is named by its Monday', () => {
    expect(weekKey(new Date('2027-01-01T04:00:00Z'))).toBe('W2026-12-28');
  });

  test('points count for the province, each organisation and each group, for today, this week and all time', () => {
    const now = new Date('2026-11-25T02:00:00Z');
    const keys = boardsFor({ orgIds: ['qh-xining'], groupIds: ['G1'] }, now);
    expect(keys).toHaveLength(9);
    expect(keys).toContain('province:qh:day:2026-11-25');
    expect(keys).toContain('org:qh-xining:week:W2026-11-23');
    expect(keys).toContain('group:G1:all:all');
    expect(boardKey('province', 'qh', 'day', new Date('2026-11-25T16:00:00Z'))).toBe('province:qh:day:2026-11-26');
  });

  test('the daily cap awards only what is left of it, never a negative amount', () => {
    expect(cappedAward(10, 0, 20)).toBe(10);
    expect(cappedAward(10, 15, 20)).toBe(5);
    expect(cappedAward(10, 25, 20)).toBe(0);
  });
});
