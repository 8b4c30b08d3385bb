import { actAs, grantRole, insertDocument } from './harness/pageCloud';
import { renderPage, tap, textOf, waitFor } from './harness/renderPage';
import { callAction as call } from './harness/callAction';

jest.setTimeout(60000);

type Wx = Record<string, unknown> & { cloud: { callFunction(options: { name: string; data: unknown }): Promise<{ result: unknown }> } };
const wxGlobal = (globalThis as unknown as { wx: Wx }).wx;
const opened: string[] = [];
wxGlobal.navigateTo = (options: { url: string }) => void opened.push(options.url);
wxGlobal.stopPullDownRefresh = () => undefined;
// These workers have been through the first-run page (tests/pages/onboarding.test.ts covers it).
wxGlobal.getStorageSync = (key: string) => (key === 'onboarding' ? 'skipped' : '');

const open = () => renderPage('pages/study/index', undefined, { compiler: 'official' });

describe('学习 home', () => {
  test('a new worker sees today not yet done, no streak, no points, and every way to study as a card', async () => {
    actAs('page-home-1');
    const page = open();
    // The first render compiles every template: slow on a busy machine.
    await waitFor(() => textOf(page, '.daily-state') === '今日还未答题', 'today’s status', 30000);
    expect(textOf(page, '.today-tag')).toBe('未完成');
    expect(textOf(page, '.streak-days')).toBe('0 天');
    expect(textOf(page, '.my-points')).toBe('0');
    expect((page.data.today as { buttonText: string }).buttonText).toBe('开始答题');
    const entries = page.querySelectorAll('.entry').map((entry) => entry.data.text as string);
    expect(entries).toEqual(['每日答题', '专项练习', '挑战答题', '竞赛', '背题', '错题本', '我的纠错', '排行榜']);

    opened.length = 0;
    for (const entry of ['.entry-study', '.entry-reports', '.entry-wrongbook', '.entry-leaderboard', '.entry-challenge', '.daily-button']) tap(page, entry);
    expect(opened).toEqual(['/pages/quiz/study/index?history=party', '/pages/quiz/reports/index', '/pages/quiz/wrongbook/index', '/pages/quiz/leaderboard/index', '/pages/quiz/challenge/index', '/pages/quiz/answer/index']);
    // No contest for this worker: the 竞赛 card says so instead of opening an empty page.
    // The contests come in their own call, which may settle after today's status.
    await waitFor(() => textOf(page, '.contests-empty').includes('暂时没有进行中的竞赛'), 'the empty contest list', 30000);
  });

  test('after today’s paper a pull-down shows it done with its score, a streak of 1 and the points; the button opens the result', async () => {
    actAs('page-home-2');
    const page = open();
    await waitFor(() => textOf(page, '.daily-state') === '今日还未答题', 'today’s status');
    const paper = await call<{ attemptId: string; questions: Array<{ id: string; options: Array<{ key: string }> }> }>('quiz', 'startDaily', {});
    const answers = paper.questions.map((q) => ({ questionId: q.id, choice: [q.options[0]!.key] }));
    const result = await call<{ score: number }>('quiz', 'submitAttempt', { attemptId: paper.attemptId, answers });

    await (page.instance as unknown as { onPullDownRefresh(): Promise<void> }).onPullDownRefresh();
    expect(textOf(page, '.daily-state')).toBe(`今日已完成,得分 ${result.score}`);
    expect(textOf(page, '.today-tag')).toBe('已完成');
    expect(textOf(page, '.streak-days')).toBe('1 天');
    expect(Number(textOf(page, '.my-points'))).toBeGreaterThanOrEqual(0);
    opened.length = 0;
    tap(page, '.daily-button');
    expect(opened).toEqual([`/pages/quiz/result/index?attemptId=${paper.attemptId}`]);
  });

  test('a contest open to the worker’s union is on the home and the 竞赛 card opens it', async () => {
    const now = { $date: new Date().toISOString() };
    await insertDocument('users', { _id: 'page-home-3', nickname: '卓玛', avatarFileId: null, orgId: 'qh-yushu', createdAt: now, updatedAt: now });
    await grantRole('page-home-admin', null, 'admin');
    actAs('page-home-admin');
    const { contestId } = await call<{ contestId: string }>('quiz', 'createContest', {
      title: '玉树州工运史知识竞赛',
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      endsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      histories: ['labor'],
      questionCount: 10,
      timeLimitSeconds: 600,
      orgIds: ['qh-yushu'],
    });
    actAs('page-home-3');
    const page = open();
    await waitFor(() => textOf(page, '.contest-title') === '玉树州工运史知识竞赛', 'the contest on the home', 30000);
    expect(textOf(page, '.contest-note')).toBe('10 题 · 限时 10 分钟');
    expect(textOf(page, '.contest-until')).toMatch(/^\d+月\d+日 \d\d:\d\d 截止$/);
    opened.length = 0;
    tap(page, '.entry-contest');
    tap(page, '.contest-row');
    expect(opened).toEqual([`/pages/quiz/answer/index?contestId=${contestId}`, `/pages/quiz/answer/index?contestId=${contestId}`]);
  });

  test('without network the home says so with a retry and a toast, and recovers on retry', async () => {
    const cloud = wxGlobal.cloud as unknown as { callFunction: unknown };
    actAs('page-home-4');
    const working = cloud.callFunction;
    cloud.callFunction = () => Promise.reject(new Error('request:fail offline'));
    const page = open();
    await waitFor(() => Boolean(page.querySelector('.retry-button')), 'the error state');
    expect(textOf(page, '.home-error')).toContain('网络不给力');
    expect(page.querySelector('#t-toast')?.data.message).toContain('网络');
    cloud.callFunction = working;
    tap(page, '.retry-button');
    await waitFor(() => textOf(page, '.daily-state') === '今日还未答题', 'the home after the retry');
  });
  test('more contests than a page: 加载更多竞赛 appends the next ones, soonest ending first, each once', async () => {
    const now = { $date: new Date().toISOString() };
    await insertDocument('users', { _id: 'page-home-many', nickname: '索南', avatarFileId: null, orgId: 'qh-guoluo', createdAt: now, updatedAt: now });
    // 23 contests of Golog's union, several ending at the same moment (a page break falls among them).
    for (let i = 0; i < 23; i++) {
      const endsAt = new Date(Date.now() + 86_400_000 + Math.floor(i / 4) * 60_000).toISOString();
      await insertDocument('contests', {
        _id: `page-home-many-${String(i).padStart(2, '0')}`,
        title: `果洛州竞赛${i}`,
        startsAt: { $date: new Date(Date.now() - 60_000).toISOString() },
        endsAt: { $date: endsAt },
        histories: ['labor'],
        questionCount: 10,
        timeLimitSeconds: 600,
        orgIds: ['qh-guoluo'],
        createdBy: 'page-home-admin',
        createdAt: now,
      });
    }
    actAs('page-home-many');
    const page = open();
    await waitFor(() => page.querySelectorAll('.contest-row').length === 20, 'the first twenty contests', 30000);
    tap(page, '.contests-more .load-more');
    await waitFor(() => page.querySelectorAll('.contest-row').length === 23, 'the last three', 30000);
    const titles = page.querySelectorAll('.contest-title').map((t) => (t.dom as HTMLElement).textContent?.trim());
    expect(titles).toEqual(Array.from({ length: 23 }, (_, i) => `果洛州竞赛${i}`));
    expect(page.querySelector('.contests-more')).toBeFalsy();
  });
});
