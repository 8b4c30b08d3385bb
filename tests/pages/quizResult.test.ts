import { actAs } from './harness/pageCloud';
import { renderPage, tap, textOf, waitFor } from './harness/renderPage';
import { callAction as call } from './harness/callAction';

jest.setTimeout(90000);

type Call = (options: { name: string; data: unknown }) => Promise<{ result: unknown }>;
type Wx = Record<string, unknown> & { cloud: { callFunction: Call } };
// The simulator replaces global.wx with its own copy at each load: always reach the current one.
const wxApi = () => (globalThis as unknown as { wx: Wx }).wx;

/** A worker who has submitted today's paper (every question left blank). */
async function workerWithPaper(openid: string): Promise<string> {
  actAs(openid);
  const paper = await call<{ attemptId: string; questions: Array<{ id: string }> }>('quiz', 'startDaily', {});
  await call('quiz', 'submitAttempt', { attemptId: paper.attemptId, answers: paper.questions.map((q) => ({ questionId: q.id, choice: [] })) });
  return paper.attemptId;
}

/**
 * A slow network: every cloud call waits until the test lets the calls through; `failNext` makes
 * the next one fail as a dropped connection does.
 */
function slowNetwork(): { waiting(): number; release(): void; failNext(): void } {
  const cloud = wxApi().cloud;
  const through = cloud.callFunction.bind(cloud);
  const held: Array<() => void> = [];
  let open = false;
  let fail = false;
  cloud.callFunction = async (options) => {
    if (fail) {
      fail = false;
      throw new Error('cloud.callFunction:fail network');
    }
    if (!open) await new Promise<void>((resolve) => held.push(resolve));
    return through(options);
  };
  return {
    waiting: () => held.length,
    release: () => {
      open = true;
      held.splice(0).forEach((resolve) => resolve());
    },
    failNext: () => {
      fail = true;
    },
  };
}

describe('成绩: the page before the score', () => {
  test('while the paper is scored the worker sees the shape of the score card and of a question, then the score', async () => {
    const attemptId = await workerWithPaper('page-result-1');
    const network = slowNetwork();
    Object.assign(wxApi(), { showShareMenu: () => undefined });
    const page = renderPage('pages/quiz/result/index', { attemptId }, { compiler: 'official' });
    await waitFor(() => network.waiting() === 1, 'the result to be asked for', 30000);

    expect(page.querySelector('.score-skeleton')?.data.loading).toBe(true);
    expect(page.querySelector('.review-skeleton')?.data.loading).toBe(true);
    expect(page.querySelector('.score-card')).toBeFalsy();
    expect(textOf(page, '.page')).not.toContain('undefined');

    network.release();
    await waitFor(() => page.data.loading === false, 'the score');
    expect(page.querySelector('.score-skeleton')).toBeFalsy();
    expect(page.querySelector('.review-skeleton')).toBeFalsy();
    expect(textOf(page, '.score')).toBe('0 分');
    expect(textOf(page, '.summary')).toMatch(/^答对 0 \/ \d+ 题/);
  });

  test('a dropped connection shows what happened and 重新加载 brings the score', async () => {
    const attemptId = await workerWithPaper('page-result-2');
    const network = slowNetwork();
    network.release();
    network.failNext();
    Object.assign(wxApi(), { showShareMenu: () => undefined });
    const page = renderPage('pages/quiz/result/index', { attemptId }, { compiler: 'official' });
    await waitFor(() => page.data.loading === false, 'the failed load', 30000);
    expect(page.querySelector('.state-error')).toBeTruthy();
    expect(page.data.error).toBe('网络不给力,请稍后重试');
    expect(page.querySelector('.score-card')).toBeFalsy();

    tap(page, '.retry-button');
    await waitFor(() => page.data.loading === false && page.data.error === '', 'the score after 重新加载');
    expect(textOf(page, '.score')).toBe('0 分');
  });

  test('a worker who has not answered today is offered today’s paper instead of a score', async () => {
    actAs('page-result-3');
    const opened: string[] = [];
    Object.assign(wxApi(), { showShareMenu: () => undefined, redirectTo: (o: { url: string }) => void opened.push(o.url) });
    const page = renderPage('pages/quiz/result/index', undefined, { compiler: 'official' });
    await waitFor(() => page.data.loading === false, 'the daily status', 30000);
    expect(page.data.error).toBe('今天还没有答题');
    expect(page.querySelector('.score-card')).toBeFalsy();
    tap(page, '.start-button');
    expect(opened).toEqual(['/pages/quiz/answer/index']);
  });
});
