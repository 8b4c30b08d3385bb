import type { AttemptResult, LeaderboardView } from '../../server/contracts/quiz';
import { boardView } from '../../miniprogram/pages/quiz/leaderboard/boardView';
import { posterSize, posterTexts } from '../../miniprogram/pages/quiz/result/posterLayout';
import { resultView } from '../../miniprogram/pages/quiz/result/resultView';

const kb64 = 64 * 1024;

describe('setData payloads of the quiz pages stay small with realistic data', () => {
  test('a 100-row board with 20-character nicknames and signed avatar URLs is far under 64 KB', () => {
    const view: LeaderboardView = {
      scope: 'province',
      period: 'week',
      scopeId: 'qh',
      top: Array.from({ length: 100 }, (_, i) => ({ rank: i + 1, nickname: '青海高原焊工'.repeat(4).slice(0, 20), score: 10_000 - i, me: i === 42, avatarUrl: `https://tcb.example/avatars/${'o'.repeat(28)}${i}.png?sign=${'x'.repeat(40)}` })),
      me: { rank: 43, score: 9958 },
      groups: Array.from({ length: 10 }, (_, i) => `G_${'g'.repeat(26)}${i}`),
      scopes: [],
    };
    const size = Buffer.byteLength(JSON.stringify(boardView(view)));
    expect(size).toBeLessThan(kb64 / 2);
  });

  test('a result with ten long questions, options and explanations is under 64 KB', () => {
    const long = '在中国共产党领导下,工人阶级和广大职工'.repeat(10);
    const result: AttemptResult = {
      attemptId: 'daily_2026-11-25_o1',
      score: 90,
      correctCount: 9,
      total: 10,
      timeUsedSeconds: 120,
      pointsAwarded: 9,
      rank: { rank: 12, score: 19 },
      rankBefore: { rank: 40, score: 10 },
      review: Array.from({ length: 10 }, (_, i) => ({
        id: `party-${100 + i}`,
        history: 'party' as const,
        type: 'multiple' as const,
        stem: long,
        options: ['A', 'B', 'C', 'D', 'E'].map((key) => ({ key, text: long.slice(0, 60) })),
        chosen: ['A'],
        answer: ['A', 'C'],
        correct: false,
        explanation: `${long}。`,
      })),
    };
    const view = resultView(result);
    expect(view.rankChange).toBe('上升 28 名');
    expect(Buffer.byteLength(JSON.stringify(view))).toBeLessThan(kb64);
  });
});

describe('the result poster', () => {
  test('the poster shows the score and the rank, centred within the canvas', () => {
    const texts = posterTexts({ score: 90, rankText: '今日全省第 12 名', nickname: '格桑', day: '2026/11/25' });
    expect(texts.map((t) => t.text)).toEqual(expect.arrayContaining(['90', '今日全省第 12 名']));
    expect(texts.every((t) => t.x === posterSize.width / 2 && t.y > 0 && t.y < posterSize.height)).toBe(true);
  });
});
