import { readFileSync } from 'node:fs';
import path from 'node:path';
import { boardSeed } from '../../scripts/bench/boardSeed';
import { actAs, grantRole, insertDocument } from './harness/pageCloud';
import { renderPage, tap, tapItem, textOf, waitFor } from './harness/renderPage';

jest.setTimeout(60000);

type Wx = Record<string, unknown> & { cloud: { callFunction(options: { name: string; data: unknown }): Promise<{ result: unknown }> } };
const wxGlobal = (globalThis as unknown as { wx: Wx }).wx;
const redirects: string[] = [];
wxGlobal.redirectTo = (options: { url: string }) => redirects.push(options.url);
wxGlobal.navigateTo = () => undefined;

const worker = 'page-quiz-1';

/** The seeded bank's right options, by text: the test worker knows them all (the page never does; its option ids are random). */
const answers = new Map<string, string[]>(
  ['party', 'prc', 'reform', 'socialism', 'labor'].flatMap((h) =>
    (JSON.parse(readFileSync(path.resolve(__dirname, `../../data/questions/${h}.json`), 'utf8')) as Array<{ id: string; options: string[]; answer: string[] }>).map((q): [string, string[]] => [
      q.id,
      q.answer.map((letter) => q.options['ABCDE'.indexOf(letter)] as string),
    ]),
  ),
);

function dataSize(page: { data: unknown }): number {
  return Buffer.byteLength(JSON.stringify(page.data));
}

describe('学习: daily quiz and leaderboard pages', () => {
  beforeAll(async () => {
    actAs(worker);
    await wxGlobal.cloud.callFunction({ name: 'account', data: { action: 'updateProfile', input: { nickname: '格桑' } } });
    // Membership is approved, not declared: the city union's cadre approves the worker's request.
    await wxGlobal.cloud.callFunction({ name: 'account', data: { action: 'requestOrgJoin', input: { orgId: 'qh-haidong' } } });
    await grantRole('page-quiz-cadre', 'qh-haidong');
    actAs('page-quiz-cadre');
    await wxGlobal.cloud.callFunction({ name: 'account', data: { action: 'decideJoinRequest', input: { openid: worker, approve: true } } });
    actAs(worker);
  });

  test('a worker answers a full daily paper by taps and sees the score and rank', async () => {
    actAs(worker);
    const home = renderPage('pages/study/index', undefined, { compiler: 'official' });
    await waitFor(() => textOf(home, '.daily-state') === '今日还未答题', 'today’s status');

    const page = renderPage('pages/quiz/answer/index', undefined, { compiler: 'official' });
    await waitFor(() => textOf(page, '.progress-text') === '第 1 / 10 题', 'the first question');
    // A daily paper's time as a clock: 剩余 m:ss.
    expect(textOf(page, '.timer')).toMatch(/^剩余 \d+:[0-5]\d$/);
    for (let n = 1; n <= 10; n += 1) {
      expect(textOf(page, '.progress-text')).toBe(`第 ${n} / 10 题`);
      const question = page.data.question as { id: string; options: Array<{ key: string; text: string }> };
      await waitFor(() => page.querySelector(`.option-${question.options.length - 1}`) !== null, `the options of question ${n}`);
      question.options.forEach((option, i) => {
        if (answers.get(question.id)?.includes(option.text)) tap(page, `.option-${i}`);
      });
      expect(page.querySelectorAll('.option-chosen')).toHaveLength(answers.get(question.id)?.length ?? -1);
      tap(page, n < 10 ? '.next-button' : '.submit-button');
    }
    await waitFor(() => redirects.length === 1, 'the redirect to the result page');
    expect(redirects[0]).toMatch(/^\/pages\/quiz\/result\/index\?attemptId=daily_/);

    const result = renderPage('pages/quiz/result/index', undefined, { compiler: 'official' });
    await waitFor(() => textOf(result, '.score') === '100 分', 'the score');
    expect(textOf(result, '.rank')).toMatch(/^今日全省第 [1-9]\d* 名$/);
    expect(textOf(result, '.rank-change')).toBe('首次上榜');
    expect(result.querySelectorAll('.review-row')).toHaveLength(10);
    expect(textOf(result, '.review-explanation')).toMatch(/。$/);
    expect(dataSize(result)).toBeLessThan(64 * 1024);
    const share = (result.instance as unknown as { onShareAppMessage(): { title: string; path: string } }).onShareAppMessage();
    expect(share.path).toBe('/pages/study/index');

    const back = renderPage('pages/study/index', undefined, { compiler: 'official' });
    await waitFor(() => textOf(back, '.daily-state').startsWith('今日已完成'), 'the finished status');
  });

  test('the leaderboard switches between province, the worker’s union, its parent and two groups, and today, this week and all time', async () => {
    const boarder = 'page-board-1';
    const now = { $date: new Date().toISOString() };
    await insertDocument('orgs', { _id: 'qh-haidong-ledu', name: '乐都区总工会', parentId: 'qh-haidong', kind: 'grassroots', order: 91 });
    // The approved organisation and two remembered WeChat groups, as approval and group joins leave them.
    await insertDocument('users', { _id: boarder, nickname: '拉姆', avatarFileId: null, orgId: 'qh-haidong-ledu', createdAt: now, updatedAt: now });
    for (const groupId of ['G_page_a', 'G_page_b']) await insertDocument('group_members', { _id: `${groupId}|${boarder}`, groupId, openid: boarder, joinedAt: now });
    await insertDocument('users', { _id: 'page-board-2', nickname: '才让', avatarFileId: null, orgId: 'qh-haidong', createdAt: now, updatedAt: now });
    actAs('page-board-2');
    await wxGlobal.cloud.callFunction({ name: 'reading', data: { action: 'checkIn', input: {} } });
    actAs(boarder);
    // Points from today's reading check-in count on every board the worker belongs to.
    await wxGlobal.cloud.callFunction({ name: 'reading', data: { action: 'checkIn', input: {} } });

    const page = renderPage('pages/quiz/leaderboard/index', undefined, { compiler: 'official' });
    await waitFor(() => page.data.loaded === true && !page.data.loading, 'today’s province board');
    expect(page.querySelectorAll('.scope-chip')).toHaveLength(5);
    expect(textOf(page, '.scope-chip-0')).toBe('全省');
    expect(textOf(page, '.scope-chip-1')).toBe('乐都区总工会');
    expect(textOf(page, '.scope-chip-2')).toBe('海东市总工会');
    expect(page.querySelectorAll('.scope-group')).toHaveLength(2);
    expect(page.querySelectorAll('.podium-place').length).toBeGreaterThan(0);
    expect(textOf(page, '.my-rank')).toMatch(/^第 \d+ 名$/);

    tap(page, '.scope-chip-1');
    await waitFor(() => page.data.scopeId === 'qh-haidong-ledu' && !page.data.loading, 'the grassroots union’s board');
    expect(textOf(page, '.podium-1 .row-name')).toBe('拉姆');
    // No stored avatar: the initial of the nickname instead.
    expect(page.data.podium).toMatchObject([{ nickname: '拉姆', initial: '拉', avatarUrl: '' }]);
    expect(textOf(page, '.podium-1 .avatar-initial')).toBe('拉');
    expect(textOf(page, '.my-rank')).toBe('第 1 名');

    tap(page, '.scope-chip-2');
    await waitFor(() => page.data.scopeId === 'qh-haidong' && !page.data.loading, 'the parent city union’s board');
    // 才让 of the city union and 拉姆 of its grassroots union both count on the city board.
    const names = [...page.querySelectorAll('.row-name')].map((n) => (n.dom as HTMLElement).textContent?.trim());
    expect(names).toEqual(expect.arrayContaining(['才让', '拉姆']));
    expect(page.querySelector('.board-row-me')).not.toBeNull();

    tapItem(page, '.period-tabs', 't-tabs__item', 1);
    await waitFor(() => page.data.period === 'week' && !page.data.loading, 'this week’s board');
    expect(page.data.scopeId).toBe('qh-haidong');

    tap(page, '.scope-chip-4');
    await waitFor(() => page.data.scope === 'group' && !page.data.loading, 'the second group’s board');
    expect(['G_page_a', 'G_page_b']).toContain(page.data.scopeId);
    const openGid = page.querySelector('.scope-chip-4 open-data') ?? page.querySelector('.group-name open-data');
    expect(openGid).not.toBeNull();
    expect(textOf(page, '.my-rank')).toBe('第 1 名');

    tapItem(page, '.period-tabs', 't-tabs__item', 2);
    await waitFor(() => page.data.period === 'all' && !page.data.loading, 'the all-time group board');
    expect(textOf(page, '.podium-1 .row-score')).toBe(textOf(page, '.my-score').replace(' 分', ''));

    // Pull-down refresh reloads the board in place.
    const before = page.data.podium;
    await (page.instance as unknown as { onPullDownRefresh(): Promise<void> }).onPullDownRefresh();
    expect(page.data.podium).toEqual(before);
    expect(page.data.error).toBe('');
    expect(dataSize(page)).toBeLessThan(64 * 1024);
  });

  test('a board past 100 places loads the next with 加载更多 to its end; tied first places both wear gold; my pinned line has my name', async () => {
    const viewer = 'page-board-pager';
    const now = { $date: new Date().toISOString() };
    await insertDocument('users', { _id: viewer, nickname: '桑吉', avatarFileId: null, orgId: 'qh-huangnan', createdAt: now, updatedAt: now });
    // 150 places today on the Huangnan board, the first two tied.
    const workers = Array.from({ length: 150 }, (_, i) => ({ openid: `page-pager-${String(i).padStart(3, '0')}`, score: i < 2 ? 900 : 800 - i, nickname: `职工${i}` }));
    for (const entry of boardSeed('org:qh-huangnan', workers, new Date()).entries) await insertDocument('board_entries', { ...entry, updatedAt: { $date: entry.updatedAt.toISOString() } });
    actAs(viewer);
    const page = renderPage('pages/quiz/leaderboard/index', undefined, { compiler: 'official' });
    await waitFor(() => page.data.loaded === true && !page.data.loading, 'the province board');
    tap(page, '.scope-chip-1');
    await waitFor(() => page.data.scopeId === 'qh-huangnan' && !page.data.loading, 'the Huangnan board');
    expect(page.querySelectorAll('.podium-place')).toHaveLength(3);
    expect(page.querySelectorAll('.board-row')).toHaveLength(97);
    expect(page.querySelectorAll('.podium-medal').map((m) => [(m.dom as HTMLElement).textContent?.trim(), (m.dom as HTMLElement).className.includes('medal-1')])).toEqual([['1', true], ['1', true], ['3', false]]);
    expect(textOf(page, '.my-name')).toBe('桑吉');
    expect(textOf(page, '.my-line .avatar-initial')).toBe('桑');
    expect(textOf(page, '.my-rank')).toBe('暂未上榜');

    tap(page, '.load-more');
    await waitFor(() => page.querySelectorAll('.board-row').length === 147, 'the next 50 places');
    const ranks = page.querySelectorAll('.row-rank').map((r) => Number((r.dom as HTMLElement).textContent?.trim()));
    expect(ranks).toEqual(Array.from({ length: 147 }, (_, i) => i + 4));
    expect(textOf(page, '.board-row .row-name')).toBe('职工3');
    // A full last page may be followed by an empty one; then the end is said.
    if (page.querySelector('.load-more')) {
      tap(page, '.load-more');
      await waitFor(() => !page.querySelector('.load-more') && !page.data.loadingMore, 'the end of the board');
    }
    expect(textOf(page, '.end-text')).toBe('已经到底了');
    expect(page.querySelectorAll('.board-row')).toHaveLength(147);
  });

  test('a worker without an organisation sees only the province and is told why when a board fails', async () => {
    actAs('page-board-none');
    const page = renderPage('pages/quiz/leaderboard/index', undefined, { compiler: 'official' });
    await waitFor(() => page.data.loaded === true && !page.data.loading, 'the province board');
    expect(page.querySelectorAll('.scope-chip')).toHaveLength(1);
    page.setData({ scope: 'org', scopeId: '' });
    await (page.instance as unknown as { load(): Promise<void> }).load();
    expect(textOf(page, '.state-error')).toContain('选择所在工会');
    expect(textOf(page, '.state-error')).toContain('重新加载');
    // 重新加载 loads the board in view again: back on the province's, it comes up.
    page.setData({ scope: 'province', scopeId: 'qh' });
    tap(page, '.retry-button');
    await waitFor(() => !page.data.loading && !page.querySelector('.state-error'), 'the province board after 重新加载');
    expect(page.data.error).toBe('');
  });

  test('an empty board (a union where nobody has answered yet) offers 去答今日题目', async () => {
    const now = { $date: new Date().toISOString() };
    await insertDocument('orgs', { _id: 'qh-haidong-empty', name: '互助县总工会', parentId: 'qh-haidong', kind: 'grassroots', order: 92 });
    await insertDocument('users', { _id: 'page-board-empty', nickname: '卓玛', avatarFileId: null, orgId: 'qh-haidong-empty', createdAt: now, updatedAt: now });
    actAs('page-board-empty');
    const opened: string[] = [];
    const page = renderPage('pages/quiz/leaderboard/index', undefined, { compiler: 'official' });
    // The wx the page calls (the simulator's, current once a page is rendered).
    const wxNow = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
    wxNow.navigateTo = (options: { url: string }) => opened.push(options.url);
    await waitFor(() => page.data.loaded === true && !page.data.loading, 'the province board', 30000);
    tap(page, '.scope-chip-1');
    await waitFor(() => page.data.scopeId === 'qh-haidong-empty' && !page.data.loading, 'the empty union board');
    expect(page.querySelector('.board-empty')).toBeTruthy();
    tap(page, '.daily-button');
    wxNow.navigateTo = () => undefined;
    expect(opened).toEqual(['/pages/quiz/answer/index']);
  });
});
