import { contestOverAt } from '../../server/domain/quiz/contestRules';
import { visibleResult } from '../../server/domain/quiz/resultReview';
import { drawMarginSeconds, servableBy } from '../../server/domain/quiz/servablePool';

const end = new Date('2026-12-01T12:00:00.000Z');
const at = (ms: number) => new Date(end.getTime() + ms);

describe('the sealed pool over a contest’s end', () => {
  test('a contest is over for its questions 30 s (the submission grace) after its end', () => {
    expect(contestOverAt({ endsAt: end, closedEarly: false }).toISOString()).toBe('2026-12-01T12:00:30.000Z');
  });

  test('closed early, it is over only after the two-minute hand-in window and the grace', () => {
    expect(contestOverAt({ endsAt: end, closedEarly: true }).toISOString()).toBe('2026-12-01T12:02:30.000Z');
  });

  test('a question a contest drew is open from the moment it is released, not a millisecond before', () => {
    const drawn = { sealed: true, sealedUntil: end };
    expect(servableBy('open', drawn, at(-1))).toBe(false);
    expect(servableBy('open', drawn, at(0))).toBe(true);
    expect(servableBy('contest', drawn, at(0))).toBe(false);
  });

  test('a sealed question no contest drew stays sealed; an open one is open; a retired one is served by nothing', () => {
    expect(servableBy('open', { sealed: true }, at(0))).toBe(false);
    expect(servableBy('contest', { sealed: true }, at(0))).toBe(true);
    expect(servableBy('open', {}, at(0))).toBe(true);
    expect(servableBy('contest', {}, at(0))).toBe(false);
    expect(servableBy('open', { retired: true, sealedUntil: end }, at(1))).toBe(false);
  });

  test('an editor’s unsealing does not release a question before the contest that drew it is over', () => {
    expect(servableBy('open', { sealed: false, sealedUntil: end }, at(-1))).toBe(false);
    expect(servableBy('open', { sealed: false, sealedUntil: end }, at(0))).toBe(true);
  });

  test('a new paper does not draw a question about to be released', () => {
    const drawn = { sealed: true, sealedUntil: end };
    expect(servableBy('contest', drawn, at(-drawMarginSeconds * 1000 - 1))).toBe(true);
    expect(servableBy('contest', drawn, at(-drawMarginSeconds * 1000))).toBe(false);
  });
});

describe('a contest paper’s review', () => {
  const result = {
    attemptId: 'contest_c1_o1', score: 50, correctCount: 1, total: 2, timeUsedSeconds: 60, pointsAwarded: 1, rank: null, rankBefore: null,
    review: [{ id: 'q1', history: 'party' as const, type: 'judge' as const, stem: '…', options: [], chosen: ['k1'], answer: ['k1'], correct: true, explanation: '…' }],
  };

  test('is held back whole until the contest is over, then shown', () => {
    expect(visibleResult(result, at(30_000), at(29_999))).toEqual({ ...result, review: [], reviewOpensAt: '2026-12-01T12:00:30.000Z' });
    expect(visibleResult(result, at(30_000), at(30_000))).toEqual({ ...result, reviewOpensAt: null });
  });

  test('a daily paper (no opening time) shows it at once', () => {
    expect(visibleResult(result, null, at(0))).toEqual({ ...result, reviewOpensAt: null });
  });
});
