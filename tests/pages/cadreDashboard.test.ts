import { actAs, grantRole, insertDocument } from './harness/pageCloud';
import { renderPage, tap, textOf, waitFor } from './harness/renderPage';
import { callAction as call } from './harness/callAction';

jest.setTimeout(90000);

type Wx = Record<string, unknown> & { cloud: { callFunction(options: { name: string; data: unknown }): Promise<{ result: unknown }> } };
const wxApi = () => (globalThis as unknown as { wx: Wx }).wx;
type Page = ReturnType<typeof renderPage>;
type Board = { total: number; open: number; overdue: number; onTimePct: number | null; satisfactionPct: number | null; orgLines: Array<{ orgId: string; orgName: string; total: number; open: number; overdue: number }> };

/** An action as the page's user (the one actAs named), failing on a refusal. */
let sequence = 0;
async function file(worker: string, orgId: string): Promise<string> {
  sequence += 1;
  actAs(worker);
  const { id } = await call<{ id: string }>('requests', 'submit', {
    category: 'migrantWages', title: '工地拖欠三个月工资', description: '城北区某工地拖欠我们班组三个月工资,多次讨要未果。', contactName: '马师傅', contactMobile: '13812341234',
    orgId, place: '果洛州玛沁县', clientRequestId: `page-dash-${sequence}-${Date.now()}`,
  });
  return id;
}

const toastOf = (page: Page) => (page.querySelector('#t-toast')?.data as { message?: string } | undefined)?.message;
const cardValue = (page: Page, key: string) => textOf(page, `.card-${key} .card-value`);

describe('诉求统计 (cadre subpackage)', () => {
  test('the cards, the status lines and a line per organisation below show the dashboard action’s own figures', async () => {
    // Two grassroots unions under Golog, each with requests; the Golog cadre sees a line for each.
    await insertDocument('orgs', { _id: 'qh-guoluo-maqin', name: '玛沁县总工会', parentId: 'qh-guoluo', kind: 'county', order: 81 });
    await insertDocument('orgs', { _id: 'qh-guoluo-banma', name: '班玛县总工会', parentId: 'qh-guoluo', kind: 'county', order: 82 });
    const cadre = 'page-dash-guoluo';
    await grantRole(cadre, 'qh-guoluo');
    const filed = [await file('page-dash-w1', 'qh-guoluo-maqin'), await file('page-dash-w2', 'qh-guoluo-maqin'), await file('page-dash-w3', 'qh-guoluo-banma')];
    actAs(cadre);
    await call('requests', 'accept', { requestId: filed[0] });
    await call('requests', 'resolve', { requestId: filed[0], note: '已协调结清' });
    const served = await call<Board>('requests', 'dashboard', {});

    const page = renderPage('cadre/requests/dashboard/index', undefined, { compiler: 'official' });
    await waitFor(() => page.data.board !== null, 'the figures', 30000);
    expect(cardValue(page, 'open')).toBe(String(served.open));
    expect(cardValue(page, 'overdue')).toBe(String(served.overdue));
    expect(cardValue(page, 'onTime')).toBe(served.onTimePct === null ? '—' : `${served.onTimePct}%`);
    expect(cardValue(page, 'satisfaction')).toBe(served.satisfactionPct === null ? '—' : `${served.satisfactionPct}%`);
    expect([served.open, served.onTimePct]).toEqual([2, 100]);
    expect(textOf(page, '.summary-note')).toMatch(/^共 3 件诉求/);
    expect(textOf(page, '.status-lines')).toContain('待受理');
    expect(textOf(page, '.status-lines')).toContain('已办结');
    const orgLines = page.querySelectorAll('.org-line');
    expect(orgLines).toHaveLength(served.orgLines.length);
    expect(textOf(page, '.org-lines')).toContain('玛沁县总工会');
    expect(textOf(page, '.org-lines')).toContain('共 2 件 · 未办结 1 · 超时 0');
    expect(textOf(page, '.org-lines')).toContain('班玛县总工会');
    expect(textOf(page, '.org-lines')).toContain('共 1 件 · 未办结 1 · 超时 0');

    // Pull-down refresh reads the figures again: a new request shows.
    await file('page-dash-w4', 'qh-guoluo-banma');
    actAs(cadre);
    let stopped = 0;
    Object.assign(wxApi(), { stopPullDownRefresh: () => (stopped += 1) });
    await (page.instance as unknown as { onPullDownRefresh(): Promise<void> }).onPullDownRefresh();
    expect(stopped).toBe(1);
    expect(toastOf(page)).toBe('已刷新');
    expect(cardValue(page, 'open')).toBe('3');
    expect(textOf(page, '.summary-note')).toMatch(/^共 4 件诉求/);

    // The overdue list is one tap away: the queue, overdue only.
    const opened: string[] = [];
    Object.assign(wxApi(), { navigateTo: (options: { url: string }) => opened.push(options.url) });
    tap(page, '.overdue-entry');
    expect(opened).toEqual(['/cadre/requests/queue/index?overdue=1']);
    const queue = renderPage('cadre/requests/queue/index', { overdue: '1' }, { compiler: 'official' });
    await waitFor(() => queue.data.loaded === true && !queue.data.loading, 'the overdue queue', 30000);
    expect(queue.data.overdueOnly).toBe(true);
    expect(queue.data.items).toEqual([]);
  });

  test('a cadre of a union with no request sees the empty state, with the figures at zero', async () => {
    await insertDocument('orgs', { _id: 'qh-guoluo-dari', name: '达日县总工会', parentId: 'qh-guoluo', kind: 'county', order: 83 });
    await grantRole('page-dash-empty', 'qh-guoluo-dari');
    actAs('page-dash-empty');
    const page = renderPage('cadre/requests/dashboard/index', undefined, { compiler: 'official' });
    await waitFor(() => page.data.board !== null, 'the figures', 30000);
    expect(page.querySelector('.board-empty')).toBeTruthy();
    expect(cardValue(page, 'open')).toBe('0');
    expect(cardValue(page, 'onTime')).toBe('—');
    expect(page.querySelector('.org-lines')).toBeFalsy();
    expect(page.querySelector('.export-button')).toBeFalsy();
  });

  test('the refusal or a failure shows the error with a retry, which loads the figures once it can', async () => {
    actAs('page-dash-later-cadre');
    const page = renderPage('cadre/requests/dashboard/index', undefined, { compiler: 'official' });
    await waitFor(() => page.data.loading === false, 'the refusal', 30000);
    expect(textOf(page, '.state-error')).toContain('仅限工会工作人员');
    expect(page.querySelector('.cards')).toBeFalsy();
    await grantRole('page-dash-later-cadre', 'qh-guoluo');
    tap(page, '.retry-button');
    await waitFor(() => page.data.board !== null, 'the figures after the retry', 30000);
    expect(page.querySelector('.state-error')).toBeFalsy();
    expect(page.querySelectorAll('.card')).toHaveLength(4);
  });
});
