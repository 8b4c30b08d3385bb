import { clockText, secondsLeft } from '../../miniprogram/pages/quiz/answer/answerState';

describe('the answer page’s countdown', () => {
  test('reads as a clock: minutes and two-digit seconds', () => {
    expect(clockText(300)).toBe('5:00');
    expect(clockText(299)).toBe('4:59');
    expect(clockText(61)).toBe('1:01');
    expect(clockText(9)).toBe('0:09');
    expect(clockText(0)).toBe('0:00');
    expect(clockText(1800)).toBe('30:00');
  });

  test('past an hour the hours come first; never below 0:00', () => {
    expect(clockText(3600)).toBe('1:00:00');
    expect(clockText(3725)).toBe('1:02:05');
    expect(clockText(-3)).toBe('0:00');
  });

  test('a paper with five minutes left on the server’s deadline shows 5:00', () => {
    const now = Date.UTC(2026, 11, 2, 14, 0, 0);
    expect(clockText(secondsLeft(new Date(now + 300_000).toISOString(), now))).toBe('5:00');
    expect(clockText(secondsLeft(new Date(now + 299_400).toISOString(), now))).toBe('5:00');
  });
});
