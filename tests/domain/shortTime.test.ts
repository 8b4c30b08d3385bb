import { shortTime } from '../../miniprogram/services/shortTime';

/** A moment given as Shanghai's wall clock (UTC+8). */
const shanghai = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h - 8, min);
const iso = (ms: number) => new Date(ms).toISOString();

describe('a message’s time in the 消息 list', () => {
  const now = shanghai(2026, 12, 2, 22, 40);

  test('today it is the hour and minute, by Shanghai’s day even when UTC is still on the day before', () => {
    expect(shortTime(iso(shanghai(2026, 12, 2, 22, 22)), now)).toBe('今天 22:22');
    // 00:05 in Shanghai is 16:05 UTC of the previous day.
    expect(shortTime(iso(shanghai(2026, 12, 2, 0, 5)), now)).toBe('今天 00:05');
  });

  test('yesterday says so with the time; earlier this year only the date', () => {
    expect(shortTime(iso(shanghai(2026, 12, 1, 23, 59)), now)).toBe('昨天 23:59');
    expect(shortTime(iso(shanghai(2026, 12, 1, 0, 0)), now)).toBe('昨天 00:00');
    expect(shortTime(iso(shanghai(2026, 11, 30, 23, 59)), now)).toBe('11月30日');
    expect(shortTime(iso(shanghai(2026, 1, 1, 8, 0)), now)).toBe('1月1日');
  });

  test('a date of another year names the year', () => {
    expect(shortTime(iso(shanghai(2025, 12, 31, 23, 0)), now)).toBe('2025年12月31日');
  });

  test('just after midnight, the evening before is 昨天', () => {
    const early = shanghai(2027, 1, 1, 0, 1);
    expect(shortTime(iso(shanghai(2026, 12, 31, 21, 30)), early)).toBe('昨天 21:30');
    expect(shortTime(iso(shanghai(2026, 12, 30, 21, 30)), early)).toBe('2026年12月30日');
  });
});
