import { readFileSync } from 'node:fs';
import path from 'node:path';
import { actAs } from './harness/pageCloud';
import { renderPage, tap, textOf, waitFor } from './harness/renderPage';

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
    await wxGlobal.cloud.callFunction({ name: 'account', data: { action: 'updateProfile', input: { nickname: '格桑', orgId: 'qh-haidong' } } });
  });

  test('a worker answers a full daily paper by taps and sees the score and rank', async () => {
    actAs(worker);
    const home = renderPage('pages/study/index');
    await waitFor(() => textOf(home, '.daily-state') === '今日还未答题', 'today’s status');

    const page = renderPage('pages/quiz/answer/index');
    await waitFor(() => textOf(page, '.progress-text') === '第 1 / 10 题', 'the first question');
    expect(textOf(page, '.timer')).toMatch(/剩余 \d+ 秒/);
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

    const result = renderPage('pages/quiz/result/index');
    await waitFor(() => textOf(result, '.score') === '100 分', 'the score');
    expect(textOf(result, '.rank')).toMatch(/^今日全省第 [1-9]\d* 名$/);
    expect(textOf(result, '.rank-change')).toBe('首次上榜');
    expect(result.querySelectorAll('.review-row')).toHaveLength(10);
    expect(textOf(result, '.review-explanation')).toMatch(/。$/);
    expect(dataSize(result)).toBeLessThan(64 * 1024);
    const share = (result.instance as unknown as { onShareAppMessage(): { title: string; path: string } }).onShareAppMessage();
    expect(share.path).toBe('/pages/study/index');

    const back = renderPage('pages/study/index');
    await waitFor(() => textOf(back, '.daily-state').startsWith('今日已完成'), 'the finished status');
  });

  test('the leaderboard switches between province, organisation and group, and today, this week and all time', async () => {
    actAs(worker);
    const page = renderPage('pages/quiz/leaderboard/index');
    await waitFor(() => page.querySelectorAll('.board-row').length > 0, 'today’s province board');
    expect(textOf(page, '.board-row-me .row-name')).toBe('格桑');
    expect(textOf(page, '.my-rank')).toMatch(/^第 \d+ 名$/);

    tap(page, '.period-week');
    await waitFor(() => page.data.period === 'week' && !page.data.loading, 'this week’s board');
    expect(textOf(page, '.period-tabs .tab-active')).toBe('本周');
    expect(textOf(page, '.board-row-me .row-name')).toBe('格桑');

    tap(page, '.scope-org');
    await waitFor(() => page.data.scope === 'org' && !page.data.loading, 'the organisation board');
    expect(textOf(page, '.scope-tabs .tab-active')).toBe('本单位工会');
    expect(textOf(page, '.my-rank')).toBe('第 1 名');

    tap(page, '.period-all');
    await waitFor(() => page.data.period === 'all' && !page.data.loading, 'the all-time board');
    expect(textOf(page, '.board-row-me .row-score')).toBe(textOf(page, '.my-score').replace(' 分', ''));

    tap(page, '.scope-group');
    await waitFor(() => page.data.scope === 'group' && !page.data.loading, 'the group board');
    expect(textOf(page, '.error-text')).toContain('微信群');
    expect(dataSize(page)).toBeLessThan(64 * 1024);
  });
});
