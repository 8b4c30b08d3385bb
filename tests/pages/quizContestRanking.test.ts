import { readFileSync } from 'node:fs';
import path from 'node:path';
import { actAs, insertDocument, unionWorker } from './harness/pageCloud';
import { renderPage, tap, textOf, waitFor } from './harness/renderPage';
import { callAction as call } from './harness/callAction';

jest.setTimeout(60000);

type Wx = Record<string, unknown> & { cloud: { callFunction(options: { name: string; data: unknown }): Promise<{ result: unknown }> } };
const wxGlobal = (globalThis as unknown as { wx: Wx }).wx;
const opened: string[] = [];
const titles: string[] = [];
wxGlobal.navigateTo = (options: { url: string }) => void opened.push(options.url);
wxGlobal.setNavigationBarTitle = (options: { title: string }) => void titles.push(options.title);
wxGlobal.stopPullDownRefresh = () => undefined;
wxGlobal.getStorageSync = (key: string) => (key === 'onboarding' ? 'skipped' : '');

// A county union of its own under 果洛 (page test files share a cloud: its contests show to nobody else).
const county = 'pc-rank-gande';
const at = (ms: number) => ({ $date: new Date(ms).toISOString() });
const hour = 3_600_000;

async function countyContest(id: string, title: string): Promise<void> {
  const now = Date.now();
  await insertDocument('contests', { _id: id, title, startsAt: at(now - hour), endsAt: at(now + hour), histories: ['party'], questionCount: 5, timeLimitSeconds: 300, orgIds: [county], createdBy: 'page-rank-admin', createdAt: at(now) });
}

/** The seeded bank's right options, by text: the test worker knows them (the page never does; its option keys are random). */
const rightTexts = new Map<string, string[]>(
  (JSON.parse(readFileSync(path.resolve(__dirname, '../../data/questions/party.json'), 'utf8')) as Array<{ id: string; options: string[]; answer: string[] }>).map((q): [string, string[]] => [
    q.id,
    q.answer.map((letter) => q.options['ABCDE'.indexOf(letter)] as string),
  ]),
);

/** A contest paper handed in with its first `right` questions right and the rest left blank. */
async function takePaper(openid: string, contestId: string, right: number): Promise<string> {
  actAs(openid);
  const paper = await call<{ attemptId: string; questions: Array<{ id: string; options: Array<{ key: string; text: string }> }> }>('quiz', 'startContest', { contestId });
  const answers = paper.questions.slice(0, right).map((q) => ({ questionId: q.id, choice: q.options.filter((o) => rightTexts.get(q.id)?.includes(o.text)).map((o) => o.key) }));
  await call('quiz', 'submitAttempt', { attemptId: paper.attemptId, answers });
  return paper.attemptId;
}

beforeAll(async () => {
  await insertDocument('orgs', { _id: county, name: '甘德县总工会', parentId: 'qh-guoluo', kind: 'county', order: 84 });
});

describe('a contest’s ranking', () => {
  test('taken from the result and the 学习 home: the contest’s places by score then time, and the worker’s own pinned', async () => {
    await countyContest('page-rank-c1', '甘德县职工读史竞赛');
    await unionWorker('page-rank-a', '才让', county);
    await unionWorker('page-rank-b', '卓玛', county);
    await takePaper('page-rank-b', 'page-rank-c1', 5);
    const attemptId = await takePaper('page-rank-a', 'page-rank-c1', 2);

    // The result's button opens the contest's ranking, not the points boards.
    const result = renderPage('pages/quiz/result/index', { attemptId }, { compiler: 'official' });
    await waitFor(() => textOf(result, '.score') === '40 分', 'the score');
    expect(textOf(result, '.rank')).toMatch(/^今日积分全省第 \d+ 名$/);
    expect(textOf(result, '.actions')).toContain('竞赛排名');
    opened.length = 0;
    tap(result, '.leaderboard-button');
    expect(opened).toEqual(['/pages/quiz/leaderboard/index?contestId=page-rank-c1']);

    // So does the contest's card on the 学习 home, once taken.
    const home = renderPage('pages/study/index', undefined, { compiler: 'official' });
    await waitFor(() => textOf(home, '.contest-title') === '甘德县职工读史竞赛', 'the contest on the home', 30000);
    expect(textOf(home, '.contest-go')).toBe('查看排名 ›');
    opened.length = 0;
    tap(home, '.contest-row');
    expect(opened).toEqual(['/pages/quiz/leaderboard/index?contestId=page-rank-c1']);

    titles.length = 0;
    const board = renderPage('pages/quiz/leaderboard/index', { contestId: 'page-rank-c1' }, { compiler: 'official' });
    await waitFor(() => board.querySelectorAll('.podium-place').length === 2, 'the podium');
    expect(titles).toEqual(['竞赛排名']);
    expect(textOf(board, '.contest-title')).toBe('甘德县职工读史竞赛');
    // No scopes or periods: a contest has one ranking.
    expect(board.querySelector('.scope-bar')).toBeFalsy();
    expect(board.querySelector('.period-tabs')).toBeFalsy();
    const podium = board.data.podium as Array<{ rank: number; nickname: string; score: number; detail: string; me: boolean }>;
    expect(podium.map((p) => [p.rank, p.nickname, p.score, p.me])).toEqual([[1, '卓玛', 100, false], [2, '才让', 40, true]]);
    expect(textOf(board, '.podium-1 .podium-detail')).toMatch(/^用时 \d+ 秒$/);
    expect((board.querySelector('.podium-2')?.dom as HTMLElement | undefined)?.className).toContain('board-row-me');
    expect(textOf(board, '.my-name')).toBe('才让');
    expect(textOf(board, '.my-rank')).toMatch(/^第 2 名 · 用时 \d+ 秒$/);
    expect(textOf(board, '.my-score')).toBe('40 分');
    expect(textOf(board, '.end-text')).toBe('已经到底了');
  });

  test('more than a page of places: 加载更多 goes on ranking from the last shown; one who took no part is told so', async () => {
    await countyContest('page-rank-c2', '甘德县职工工运史竞赛');
    const key = 'contest:page-rank-c2';
    // 104 entries as submissions leave them (sort score = score × 10,000 + 9,999 − seconds): 职工100 and
    // 职工101 tie across the page break, 职工102 to 职工104 tie at the end.
    for (let i = 0; i < 104; i++) {
      const paperScore = i < 99 ? 100 - 2 * Math.floor(i / 2) : i < 101 ? 2 : 0;
      const seconds = i < 99 ? 60 + (i % 2) : i < 101 ? 61 : 60;
      const openid = `page-rank-bulk-${String(i).padStart(3, '0')}`;
      await insertDocument('leaderboards', { _id: `${key}|${openid}`, boardKey: key, openid, orgId: county, nickname: `职工${i + 1}`, score: paperScore * 10_000 + 9_999 - seconds, paperScore, timeUsedSeconds: seconds, tallied: true });
    }
    await unionWorker('page-rank-viewer', '拉姆', county);
    actAs('page-rank-viewer');
    const board = renderPage('pages/quiz/leaderboard/index', { contestId: 'page-rank-c2' }, { compiler: 'official' });
    await waitFor(() => board.querySelectorAll('.board-row').length === 97, 'the first hundred places');
    expect(textOf(board, '.my-rank')).toBe('未参加这场竞赛');
    expect(textOf(board, '.my-name')).toBe('拉姆');
    tap(board, '.load-more');
    await waitFor(() => board.querySelectorAll('.board-row').length === 101, 'the last four');
    const rows = (board.data.rows as Array<{ rank: number; nickname: string; score: number; detail: string }>).map((r) => `${r.rank} ${r.nickname} ${r.score} ${r.detail}`);
    expect(rows.slice(0, 2)).toEqual(['4 职工4 98 用时 1 分 01 秒', '5 职工5 96 用时 1 分 00 秒']);
    // Equal places share the rank of the first of them, even across the page break (the tie goes by entry, later ids first).
    expect(rows.slice(96)).toEqual(['100 职工101 2 用时 1 分 01 秒', '100 职工100 2 用时 1 分 01 秒', '102 职工104 0 用时 1 分 00 秒', '102 职工103 0 用时 1 分 00 秒', '102 职工102 0 用时 1 分 00 秒']);
    expect(textOf(board, '.board-row .row-detail')).toBe('用时 1 分 01 秒');
    expect(textOf(board, '.end-text')).toBe('已经到底了');
  });

  test('nobody has handed in yet: the empty ranking offers the contest itself', async () => {
    await countyContest('page-rank-c3', '甘德县职工新中国史竞赛');
    await unionWorker('page-rank-first', '扎西', county);
    actAs('page-rank-first');
    const board = renderPage('pages/quiz/leaderboard/index', { contestId: 'page-rank-c3' }, { compiler: 'official' });
    await waitFor(() => Boolean(board.querySelector('.board-empty')), 'the empty ranking');
    expect(board.querySelector('.board-empty')?.data.description).toBe('还没有人交卷,交卷后就能上榜');
    opened.length = 0;
    tap(board, '.daily-button');
    expect(opened).toEqual(['/pages/quiz/answer/index?contestId=page-rank-c3']);
  });
});
