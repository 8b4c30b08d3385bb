import { actAs, insertDocument, unionWorker, updateDocument } from './harness/pageCloud';
import { renderPage, tap, textOf, waitFor } from './harness/renderPage';
import { callAction as call } from './harness/callAction';

jest.setTimeout(60000);

type Wx = Record<string, unknown> & { cloud: { callFunction(options: { name: string; data: unknown }): Promise<{ result: unknown }> } };
const wxGlobal = (globalThis as unknown as { wx: Wx }).wx;
const opened: string[] = [];
const switched: string[] = [];
wxGlobal.navigateTo = (options: { url: string }) => void opened.push(options.url);
wxGlobal.switchTab = (options: { url: string }) => void switched.push(options.url);
wxGlobal.stopPullDownRefresh = () => undefined;
wxGlobal.getStorageSync = (key: string) => (key === 'onboarding' ? 'skipped' : '');

type Page = ReturnType<typeof renderPage>;
const toastOf = (page: Page) => (page.querySelector('#t-toast')?.data as { message?: string } | undefined)?.message;
const open = () => renderPage('pages/quiz/contests/index', undefined, { compiler: 'official' });

// A county union of its own under 玉树 (page test files share a cloud: its contests show to nobody else).
const county = 'pc-mine-chengduo';
const at = (ms: number) => ({ $date: new Date(ms).toISOString() });
const hour = 3_600_000;

async function countyContest(id: string, title: string): Promise<void> {
  const now = Date.now();
  await insertDocument('contests', { _id: id, title, startsAt: at(now - hour), endsAt: at(now + hour), histories: ['party'], questionCount: 5, timeLimitSeconds: 300, orgIds: [county], createdBy: 'page-mine-admin', createdAt: at(now) });
}

beforeAll(async () => {
  await insertDocument('orgs', { _id: county, name: '称多县总工会', parentId: 'qh-yushu', kind: 'county', order: 86 });
});

describe('我的竞赛', () => {
  test('handed in, being answered, missed: each says so, opens its result or its paper, and has its ranking; the 学习 home and 我的 lead here', async () => {
    for (const [id, title] of [['pm-missed', '称多县改革开放史竞赛'], ['pm-done', '称多县党史竞赛'], ['pm-open', '称多县工运史竞赛']]) await countyContest(id as string, title as string);
    await unionWorker('page-mine-1', '尼玛', county);
    actAs('page-mine-1');
    for (const contestId of ['pm-missed', 'pm-done', 'pm-open']) {
      const paper = await call<{ attemptId: string }>('quiz', 'startContest', { contestId });
      if (contestId === 'pm-done') await call('quiz', 'submitAttempt', { attemptId: paper.attemptId, answers: [] });
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await updateDocument('attempts', 'contest_pm-missed_page-mine-1', { deadline: at(Date.now() - hour) });

    const page = open();
    await waitFor(() => page.querySelectorAll('.contest-item').length === 3, 'the three contests', 30000);
    const items = page.data.items as Array<{ title: string; stateText: string; note: string; date: string }>;
    expect(items.map((c) => [c.title, c.stateText, c.note])).toEqual([
      ['称多县工运史竞赛', '答题中', '试卷还没交,点开继续作答'],
      ['称多县党史竞赛', '0 分', '竞赛结束后公布答案与解析'],
      ['称多县改革开放史竞赛', '未交卷', '答题时间已过,这次没有成绩'],
    ]);
    expect(items[0]?.date).toMatch(/^\d+月\d+日参加$/);
    expect(textOf(page, '.end-text')).toBe('没有更多了');

    opened.length = 0;
    for (const state of ['open', 'submitted', 'missed']) tap(page, `.contest-${state} .contest-main`);
    expect(opened).toEqual(['/pages/quiz/answer/index?contestId=pm-open', '/pages/quiz/result/index?attemptId=contest_pm-done_page-mine-1']);
    expect(toastOf(page)).toBe('这次没有交卷,可以看看排名');
    opened.length = 0;
    tap(page, '.contest-missed .ranking-button');
    expect(opened).toEqual(['/pages/quiz/leaderboard/index?contestId=pm-missed']);

    // The way here: 我参加过的 on the 学习 home's contests, and 我的竞赛 on 我的.
    const home = renderPage('pages/study/index', undefined, { compiler: 'official' });
    await waitFor(() => Boolean(home.querySelector('.my-contests-link')), 'the 学习 home');
    opened.length = 0;
    tap(home, '.my-contests-link');
    expect(opened).toEqual(['/pages/quiz/contests/index']);
    const me = renderPage('pages/me/index', undefined, { compiler: 'official' });
    await waitFor(() => Boolean(me.querySelector('.contests-entry')), '我的');
    expect(me.querySelector('.contests-entry')?.data.url).toBe('/pages/quiz/contests/index');
  });

  test('none yet: the empty list points to the contests open now', async () => {
    actAs('page-mine-none');
    const page = open();
    await waitFor(() => Boolean(page.querySelector('.contests-empty')), 'the empty list');
    expect(page.querySelector('.contests-empty')?.data.description).toBe('还没有参加过竞赛。工会发布的竞赛在“学习”页上。');
    tap(page, '.study-button');
    expect(switched).toEqual(['/pages/study/index']);
  });

  test('more than a page: 加载更多 appends the next twenty, each once; a pull-down starts again from the newest', async () => {
    await countyContest('pm-many', '称多县读史月赛');
    const start = Date.UTC(2026, 10, 1);
    for (let i = 0; i < 25; i += 1) {
      await insertDocument('attempts', { _id: `contest_pm-many-${String(i).padStart(2, '0')}_page-mine-many`, openid: 'page-mine-many', kind: 'contest', contestId: 'pm-many', day: '2026-11-01', status: 'submitted', paper: [], startedAt: at(start + i * 60_000), deadline: at(start + i * 60_000), timeLimitSeconds: 300, result: { score: i * 4 } });
    }
    actAs('page-mine-many');
    const page = open();
    await waitFor(() => page.querySelectorAll('.contest-item').length === 20, 'the first twenty', 30000);
    tap(page, '.more-button');
    await waitFor(() => page.querySelectorAll('.contest-item').length === 25, 'the last five');
    const scores = (page.data.items as Array<{ score: number }>).map((c) => c.score);
    expect(scores).toEqual(Array.from({ length: 25 }, (_, i) => (24 - i) * 4));
    expect(textOf(page, '.end-text')).toBe('没有更多了');
    await (page.instance as unknown as { onPullDownRefresh(): Promise<void> }).onPullDownRefresh();
    expect((page.data.items as unknown[]).length).toBe(20);
    expect(toastOf(page)).toBe('已刷新');
  });

  test('without network the list says so and recovers on retry', async () => {
    const cloud = wxGlobal.cloud as unknown as { callFunction: unknown };
    actAs('page-mine-offline');
    const working = cloud.callFunction;
    cloud.callFunction = () => Promise.reject(new Error('request:fail offline'));
    const page = open();
    await waitFor(() => Boolean(page.querySelector('.retry-button')), 'the error state');
    expect(textOf(page, '.error-text')).toContain('网络不给力');
    cloud.callFunction = working;
    tap(page, '.retry-button');
    await waitFor(() => Boolean(page.querySelector('.contests-empty')), 'the list after the retry');
  });
});
