import http from 'node:http';
import { actAs, insertDocument } from './harness/pageCloud';
import { renderPage, tap, textOf, typeInto, waitFor } from './harness/renderPage';

jest.setTimeout(30000);

/** Grants a cadre role the way an admin script writes it (the server SDK's insertDocument). */
function grantCadre(openid: string, orgId: string): Promise<void> {
  const role = { openid, role: 'cadre', orgId, grantedBy: 'page-test', grantedAt: { $date: new Date().toISOString() } };
  const payload = Buffer.from(JSON.stringify({ action: 'database.insertDocument', collectionName: 'roles', data: [JSON.stringify(role)] }));
  return new Promise((resolve, reject) => {
    const request = http.request(`${process.env.PAGE_CLOUD_URL}/admin?env=local-dev`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': payload.length } }, (response) => {
      response.resume();
      response.on('end', () => resolve());
    });
    request.on('error', reject);
    request.end(payload);
  });
}

describe('竞赛管理 (cadre subpackage)', () => {
  test('a cadre creates a contest for their union and sees its participation by organisation', async () => {
    await grantCadre('page-ct-cadre', 'qh-haidong');
    actAs('page-ct-cadre');
    const page = renderPage('cadre/contests/index');
    await waitFor(() => page.data.orgId === 'qh-haidong', 'the cadre’s organisation');
    typeInto(page, '.title-input', '海东市读四史知识竞赛');
    tap(page, '.create-button');
    await waitFor(() => textOf(page, '.created-text') === '已创建', 'the contest to be created');
    await waitFor(() => textOf(page, '.contest-row') === '海东市读四史知识竞赛', 'the contest in the list');
    tap(page, '.contest-row');
    await waitFor(() => textOf(page, '.participation-total') === '参与 0 人', 'the participation');
  });

  test('a worker who is not a cadre is refused', async () => {
    actAs('page-ct-worker');
    const page = renderPage('cadre/contests/index');
    await waitFor(() => textOf(page, '.error-text') !== '', 'the refusal');
    expect(textOf(page, '.error-text')).toContain('工会干部');
  });
});

type Wx = { cloud: { callFunction(options: { name: string; data: unknown }): Promise<{ result: unknown }> } };
const wxGlobal = (globalThis as unknown as { wx: Wx }).wx;

async function call<T>(name: string, action: string, input: unknown): Promise<T> {
  const { result } = await wxGlobal.cloud.callFunction({ name, data: { action, input } });
  const reply = result as { ok: boolean; data: T; message?: string };
  if (!reply.ok) throw new Error(reply.message);
  return reply.data;
}

describe('成绩 of a contest paper', () => {
  test('the worker sees the score at once and is told the answers open when the contest is over', async () => {
    const now = Date.now();
    await insertDocument('contests', {
      _id: 'page-c-sealed', title: '全省知识竞赛', startsAt: { $date: new Date(now - 60_000).toISOString() }, endsAt: { $date: new Date(now + 3_600_000).toISOString() },
      histories: ['party'], questionCount: 5, timeLimitSeconds: 300, orgIds: ['qh'], createdBy: 'page-test', createdAt: { $date: new Date(now).toISOString() },
    });
    actAs('page-ct-answerer');
    const paper = await call<{ attemptId: string }>('quiz', 'startContest', { contestId: 'page-c-sealed' });
    await call('quiz', 'submitAttempt', { attemptId: paper.attemptId, answers: [] });
    const page = renderPage('pages/quiz/result/index', { attemptId: paper.attemptId }, { compiler: 'official' });
    await waitFor(() => textOf(page, '.score') === '0 分', 'the score');
    expect(textOf(page, '.review-note')).toMatch(/^竞赛结束后公布答案与解析\(\d+月\d+日 \d\d:\d\d 起可查看\)$/);
    expect(page.querySelectorAll('.review-row')).toHaveLength(0);
  });
});
