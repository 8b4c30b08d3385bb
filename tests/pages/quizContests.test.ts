import { actAs, insertDocument } from './harness/pageCloud';
import { renderPage, textOf, waitFor } from './harness/renderPage';
import { callAction as call } from './harness/callAction';

jest.setTimeout(30000);

describe('成绩 of a contest paper', () => {
  test('the worker sees the score at once and is told the answers open when the contest is over', async () => {
    const now = Date.now();
    await insertDocument('contests', {
      _id: 'page-c-sealed', title: '海西州知识竞赛', startsAt: { $date: new Date(now - 60_000).toISOString() }, endsAt: { $date: new Date(now + 3_600_000).toISOString() },
      histories: ['party'], questionCount: 5, timeLimitSeconds: 300, orgIds: ['qh-haixi'], createdBy: 'page-test', createdAt: { $date: new Date(now).toISOString() },
    });
    // 海西's contest, not the province's: page tests share a cloud, and a province-wide contest would
    // show on every other worker's 学习 home.
    await insertDocument('users', { _id: 'page-ct-answerer', nickname: '海西职工', avatarFileId: null, orgId: 'qh-haixi', createdAt: { $date: new Date(now).toISOString() }, updatedAt: { $date: new Date(now).toISOString() } });
    actAs('page-ct-answerer');
    const paper = await call<{ attemptId: string }>('quiz', 'startContest', { contestId: 'page-c-sealed' });
    await call('quiz', 'submitAttempt', { attemptId: paper.attemptId, answers: [] });
    const titles: string[] = [];
    Object.assign((globalThis as unknown as { wx: object }).wx, { setNavigationBarTitle: (o: { title: string }) => void titles.push(o.title) });
    const page = renderPage('pages/quiz/result/index', { attemptId: paper.attemptId }, { compiler: 'official' });
    await waitFor(() => textOf(page, '.score') === '0 分', 'the score');
    // Titled and shared as the contest, not as the daily paper.
    expect(titles).toEqual(['竞赛成绩']);
    const share = (page.instance as unknown as { onShareAppMessage(): { title: string } }).onShareAppMessage();
    expect(share.title).toBe('我在“海西州知识竞赛”中得了 0 分,一起来参赛!');
    expect(textOf(page, '.review-note')).toMatch(/^竞赛结束后公布答案与解析\(\d+月\d+日 \d\d:\d\d 起可查看\)$/);
    expect(page.querySelectorAll('.review-row')).toHaveLength(0);
  });
});
