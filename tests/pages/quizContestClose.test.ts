import { actAs, grantRole, insertDocument, postJson, updateDocument } from './harness/pageCloud';
import { pageLifetime, renderPage, tap, tapItem, textOf, waitFor } from './harness/renderPage';
import { clockText } from '../../miniprogram/pages/quiz/answer/answerState';

// A worker is answering a contest paper when its cadre ends the contest early (结束竞赛, through the
// real functions). The page learns it from its minute-by-minute check or when it shows again: the
// countdown moves to the last moment the server still takes the paper, the worker is told once,
// and the paper goes in on time; one the server no longer takes is said plainly, with a way out.
jest.setTimeout(90000);

type CallOptions = { name: string; data: unknown };
type Wx = Record<string, unknown> & { cloud: { callFunction(options: CallOptions): Promise<{ result: unknown }> } };
const wxGlobal = (globalThis as unknown as { wx: Wx }).wx;
const redirects: string[] = [];
let backs = 0;
wxGlobal.redirectTo = (options: { url: string }) => redirects.push(options.url);
wxGlobal.navigateBack = () => {
  backs += 1;
};

type Page = ReturnType<typeof renderPage>;
type Dialog = { visible: boolean; action: string; title: string; content: string; confirm: string; cancel: string };
const cadre = 'page-close-cadre';
const minute = 60_000;

/** A call of the cadre's (the page keeps acting as the worker). */
async function asCadre<T>(action: string, input: unknown): Promise<T> {
  const reply = (await postJson('/local/invoke', { name: 'quiz', data: { action, input }, openid: cadre })) as { ok: boolean; data: T; message?: string };
  if (!reply.ok) throw new Error(reply.message);
  return reply.data;
}

async function createContest(title: string): Promise<string> {
  const created = await asCadre<{ contestId: string }>('createContest', {
    title,
    startsAt: new Date(Date.now() - minute).toISOString(),
    endsAt: new Date(Date.now() + 60 * minute).toISOString(),
    histories: ['party', 'labor'],
    questionCount: 5,
    timeLimitSeconds: 600,
    // 海西's own contest, not the province's: page tests share a cloud, and a province-wide contest
    // would show on every other worker's 学习 home.
    orgIds: ['qh-haixi'],
  });
  return created.contestId;
}

/** Which actions the page sends from now on (after actAs). */
/** The titles the page gives its navigation bar. */
function recordTitles(): string[] {
  const titles: string[] = [];
  Object.assign((globalThis as unknown as { wx: object }).wx, { setNavigationBarTitle: (o: { title: string }) => void titles.push(o.title) });
  return titles;
}

function recordActions(): string[] {
  const sent: string[] = [];
  const call = wxGlobal.cloud.callFunction.bind(wxGlobal.cloud);
  wxGlobal.cloud.callFunction = (options) => {
    sent.push((options.data as { action: string }).action);
    return call(options);
  };
  return sent;
}

const dialogOf = (page: Page) => page.data.dialog as Dialog;

/** The dialog's confirming button: the only one of a notice, the second when it also offers 取消. */
function confirmDialog(page: Page): void {
  tapItem(page, '.confirm-dialog', 't-dialog-button', dialogOf(page).cancel ? 1 : 0);
}
const instanceOf = (page: Page) => page.instance as unknown as { checkDeadline(): Promise<void> };

/** The contest check the page set going (every minute), as its interval would call it. */
function minuteCheckOf(intervals: jest.SpyInstance): () => unknown {
  const found = intervals.mock.calls.filter(([, ms]) => ms === minute);
  expect(found).toHaveLength(1);
  return found[0]?.[0] as () => unknown;
}

beforeAll(async () => {
  await grantRole(cadre, 'qh-haixi');
  const now = { $date: new Date().toISOString() };
  for (const worker of ['page-close-worker-1', 'page-close-worker-2', 'page-close-worker-3']) {
    await insertDocument('users', { _id: worker, nickname: '海西职工', avatarFileId: null, orgId: 'qh-haixi', createdAt: now, updatedAt: now });
  }
});

beforeEach(() => {
  redirects.length = 0;
  backs = 0;
});

afterEach(() => {
  jest.restoreAllMocks();
});

test('closed while the worker answers: the minute check moves the countdown to the close, tells the worker once, and the paper goes in on time', async () => {
  const contestId = await createContest('海西州“读四史”提前结束竞赛');
  actAs('page-close-worker-1');
  const sent = recordActions();
  const titles = recordTitles();
  const intervals = jest.spyOn(globalThis, 'setInterval');
  const page = renderPage('pages/quiz/answer/index', { contestId }, { compiler: 'official' });
  await waitFor(() => textOf(page, '.progress-text') === '第 1 / 5 题', 'the first question');
  // A contest paper is titled as one (the page's own title is 每日答题).
  expect(titles).toEqual(['竞赛答题']);
  expect(Number(page.data.remaining)).toBeGreaterThan(590);
  tap(page, '.option-0');
  await waitFor(() => page.data.answeredCount === 1, 'one answered question');
  const check = minuteCheckOf(intervals);

  // The contest still runs: the check changes nothing.
  check();
  await waitFor(() => sent.filter((a) => a === 'getAttemptDeadline').length === 1, 'the first check');
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(dialogOf(page).visible).toBe(false);
  expect(page.data.closedEarly).toBe(false);
  expect(Number(page.data.remaining)).toBeGreaterThan(580);

  const { closedAt } = await asCadre<{ closedAt: string }>('closeContest', { contestId });
  check();
  await waitFor(() => dialogOf(page).visible, 'the notice of the close');
  // The server takes the paper until the close plus the two-minute hand-in window and 30 s; the countdown ends 5 s before that.
  expect(page.data.deadline).toBe(new Date(new Date(closedAt).getTime() + 145_000).toISOString());
  const told = /^组织者已提前结束本次竞赛,请在 (\d+) 秒内交卷;时间到将按已答部分自动交卷。$/.exec(dialogOf(page).content);
  expect(told).not.toBeNull();
  const seconds = Number(told?.[1]);
  expect(seconds).toBeGreaterThan(0);
  expect(seconds).toBeGreaterThan(120);
  expect(seconds).toBeLessThanOrEqual(145);
  expect(Number(page.data.remaining)).toBeLessThanOrEqual(seconds);
  expect(dialogOf(page)).toMatchObject({ action: 'closed', title: '竞赛已提前结束', confirm: '知道了', cancel: '' });
  // A notice: 知道了 is its only button.
  expect(() => tapItem(page, '.confirm-dialog', 't-dialog-button', 1)).toThrow(/has no \.t-dialog-button number 1/);
  expect(textOf(page, '.timer')).toBe(`剩余 ${clockText(Number(page.data.remaining))}`);
  expect(textOf(page, '.closed-note')).toBe('组织者已提前结束本次竞赛,请在倒计时结束前交卷');

  // Told once: 知道了 closes it, and neither the check nor showing the page again asks or tells again.
  confirmDialog(page);
  await waitFor(() => !dialogOf(page).visible, 'the notice to close');
  const asked = sent.length;
  check();
  pageLifetime(page, 'hide');
  pageLifetime(page, 'show');
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(sent.length).toBe(asked);
  expect(dialogOf(page).visible).toBe(false);

  // The worker hands in what they have, in time, and lands on the result.
  for (let n = 1; n < 5; n += 1) tap(page, '.next-button');
  await waitFor(() => page.querySelector('.submit-button') !== undefined, 'the last question');
  tap(page, '.submit-button');
  await waitFor(() => dialogOf(page).visible && dialogOf(page).action === 'submit', 'the submit confirmation');
  confirmDialog(page);
  await waitFor(() => redirects.length === 1, 'the redirect to the result');
  expect(redirects[0]).toMatch(/^\/pages\/quiz\/result\/index\?attemptId=contest_/);

  const attemptId = redirects[0]?.split('attemptId=')[1] ?? '';
  const result = renderPage('pages/quiz/result/index', { attemptId }, { compiler: 'official' });
  await waitFor(() => /^\d+ 分$/.test(textOf(result, '.score')), 'the score');
});

test('shown again after the grace is over: what was answered goes in at once, the refusal is said plainly, and 离开 leaves', async () => {
  const contestId = await createContest('海西州“读四史”过时竞赛');
  actAs('page-close-worker-2');
  const sent = recordActions();
  const page = renderPage('pages/quiz/answer/index', { contestId }, { compiler: 'official' });
  await waitFor(() => textOf(page, '.progress-text') === '第 1 / 5 题', 'the first question');
  tap(page, '.option-0');
  pageLifetime(page, 'hide');

  // Closed while the phone was in the background, longer ago than the hand-in window and the grace.
  await asCadre('closeContest', { contestId });
  const longAgo = { $date: new Date(Date.now() - 3 * minute).toISOString() };
  await updateDocument('contests', contestId, { endsAt: longAgo, closedAt: longAgo });

  pageLifetime(page, 'show');
  await waitFor(() => dialogOf(page).visible && dialogOf(page).action === 'expired', 'the refusal');
  expect(sent.filter((a) => a === 'submitAttempt')).toHaveLength(1);
  expect(dialogOf(page)).toMatchObject({ title: '未能交卷', content: '竞赛已结束,本次提交无效。已作答的内容没有计入。', confirm: '离开' });
  expect(redirects).toHaveLength(0);
  expect(Number(page.data.remaining)).toBe(0);

  // No retry: the page stays as it is, 交卷 is gone, and the checks stop.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(sent.filter((a) => a === 'submitAttempt')).toHaveLength(1);
  for (let n = 1; n < 5; n += 1) tap(page, '.next-button');
  await waitFor(() => textOf(page, '.progress-text') === '第 5 / 5 题', 'the last question');
  expect(page.querySelector('.submit-button')).toBeFalsy();
  expect(textOf(page, '.expired-note')).toBe('竞赛已结束,本次提交无效。已作答的内容没有计入。');
  const asked = sent.length;
  await instanceOf(page).checkDeadline();
  expect(sent.length).toBe(asked);

  confirmDialog(page);
  await waitFor(() => backs === 1, 'going back');
});

test('the daily paper never asks about a contest', async () => {
  actAs('page-close-worker-3');
  const sent = recordActions();
  const titles = recordTitles();
  const intervals = jest.spyOn(globalThis, 'setInterval');
  const page = renderPage('pages/quiz/answer/index', undefined, { compiler: 'official' });
  await waitFor(() => textOf(page, '.progress-text') === '第 1 / 10 题', 'the first question');
  expect(titles).toEqual([]);
  expect(intervals.mock.calls.filter(([, ms]) => ms === minute)).toHaveLength(0);
  pageLifetime(page, 'hide');
  pageLifetime(page, 'show');
  await instanceOf(page).checkDeadline();
  expect(sent).not.toContain('getAttemptDeadline');
});
