import type { AttemptResult, LeaderboardView } from '../../server/contracts/quiz';
import { boardView } from '../../miniprogram/pages/quiz/leaderboard/boardView';
import { posterHeadline, posterOps, posterSize, shownNickname, type PosterOp } from '../../miniprogram/pages/quiz/result/posterLayout';
import { resultView } from '../../miniprogram/pages/quiz/result/resultView';

const kb64 = 64 * 1024;

describe('setData payloads of the quiz pages stay small with realistic data', () => {
  test('a 100-row board with 20-character nicknames and signed avatar URLs is far under 64 KB', () => {
    const view: LeaderboardView = {
      scope: 'province',
      period: 'week',
      scopeId: 'qh',
      top: Array.from({ length: 100 }, (_, i) => ({ rank: i + 1, nickname: '青海高原焊工'.repeat(4).slice(0, 20), score: 10_000 - i, me: i === 42, avatarUrl: `https://tcb.example/avatars/${'o'.repeat(28)}${i}.png?sign=${'x'.repeat(40)}` })),
      nextCursor: 'x'.repeat(80),
      me: { rank: 43, score: 9958, nickname: '青海高原焊工'.repeat(4).slice(0, 20), avatarUrl: `https://tcb.example/avatars/${'o'.repeat(28)}.png?sign=${'x'.repeat(40)}` },
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
      reviewOpensAt: null,
      contestId: null,
      contestTitle: null,
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
    // A contest paper's points count on the same daily board: its line says so, and links the contest's own ranking.
    const contest = resultView({ ...result, contestId: 'c1', contestTitle: '海西州读四史知识竞赛' });
    expect(contest).toMatchObject({ contestId: 'c1', rankText: '今日积分全省第 12 名', rankChange: '上升 28 名' });
    expect(view).toMatchObject({ contestId: '', rankText: '今日全省第 12 名' });
  });
});

describe('the result poster', () => {
  const texts = (ops: PosterOp[]) => ops.flatMap((op) => (op.kind === 'text' ? [op.text] : []));
  const inside = (op: PosterOp) =>
    op.kind === 'text' ? op.x > 0 && op.x < posterSize.width && op.y > 0 && op.y < posterSize.height : op.x >= 0 && op.y >= 0 && op.x + (op.kind === 'rect' ? op.w : op.size) <= posterSize.width && op.y + (op.kind === 'rect' ? op.h : op.size) <= posterSize.height;

  test('the poster shows the nickname, avatar, score, rank and the mini program code, all within the canvas', () => {
    const ops = posterOps({ score: 90, rankText: '今日全省第 12 名', nickname: '格桑', day: '2026/11/25', hasAvatar: true, hasCode: true, contestTitle: '' });
    expect(texts(ops)).toEqual(expect.arrayContaining(['“读四史”知识竞赛 · 每日答题', '格桑', '90', '今日全省第 12 名', '长按识别小程序码']));
    expect(texts(ops)).not.toContain('我');
    expect(ops.filter((op) => op.kind === 'image').map((op) => op.kind === 'image' && op.image)).toEqual(['avatar', 'code']);
    expect(ops.every(inside)).toBe(true);
  });

  test('without an avatar the poster shows the first character of the name; without a code it says how to find the mini program', () => {
    const ops = posterOps({ score: 0, rankText: '今日暂未上榜', nickname: '格桑', day: '2026/11/25', hasAvatar: false, hasCode: false, contestTitle: '' });
    expect(ops.some((op) => op.kind === 'image')).toBe(false);
    expect(texts(ops)).toEqual(expect.arrayContaining(['格', '微信搜索「职工之家」小程序']));
    expect(texts(ops)).not.toContain('长按识别小程序码');
  });

  test('a contest paper’s poster is headed by the contest’s title, shortened to the width', () => {
    const ops = posterOps({ score: 80, rankText: '今日全省第 3 名', nickname: '格桑', day: '2026/11/25', hasAvatar: true, hasCode: true, contestTitle: '海西州读四史知识竞赛' });
    expect(texts(ops)[0]).toBe('海西州读四史知识竞赛');
    expect(texts(ops)).not.toContain('“读四史”知识竞赛 · 每日答题');
    expect(posterHeadline('青海省总工会第二届职工读四史知识竞赛决赛')).toBe('青海省总工会第二届职工读四史知…');
  });

  test('a long nickname is shortened so it stays on the poster', () => {
    expect(shownNickname('一二三四五六七八九十甲乙丙丁')).toBe('一二三四五六七八九十甲…');
    expect(shownNickname('  ')).toBe('职工');
  });
});
