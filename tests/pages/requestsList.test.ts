import { actAs, insertDocument } from './harness/pageCloud';
import { renderPage, tap, textOf, waitFor } from './harness/renderPage';

jest.setTimeout(60000);

type Wx = Record<string, unknown>;
const wxApi = () => (globalThis as unknown as { wx: Wx }).wx;

/** A stored request of this worker, filed `minutes` after 09:00 on 2026-11-02 (Shanghai). */
function storedRequest(openid: string, n: number, status = 'submitted'): Record<string, unknown> {
  const at = (ms: number) => ({ $date: new Date(ms).toISOString() });
  const filed = Date.UTC(2026, 10, 2, 1, n);
  return {
    _id: `${openid}-req-${String(n).padStart(2, '0')}`, openid, clientRequestId: `c-${n}`, category: 'legalAid', title: `劳动合同问题 ${n}`, description: '单位到期不续签也不给补偿。',
    photos: [], contactName: '马师傅', contactMobile: '13812341234', place: '', orgId: 'qh-xining', status,
    createdAt: at(filed), updatedAt: at(filed), queuedAt: at(filed), acceptDueAt: at(filed + 2 * 86400000), resolveDueAt: at(filed + 20 * 86400000),
    acceptedAt: null, resolvedAt: null, closedAt: null, overdue: false, escalatedTo: null, rating: null, ratingComment: null,
    timeline: [{ at: at(filed), actor: 'worker', actorOpenid: openid, event: 'submit', from: null, to: status, orgId: 'qh-xining', note: '' }],
    lastNotice: null,
  };
}

describe('我的诉求', () => {
  test('a worker with no request sees an empty state whose button opens the form', async () => {
    const opened: string[] = [];
    Object.assign(wxApi(), { navigateTo: ({ url }: { url: string }) => opened.push(url) });
    actAs('page-list-empty');
    const page = renderPage('pages/requests/list/index');
    await waitFor(() => page.querySelector('.state-empty') !== undefined && page.data.loading === false, 'the empty state', 30000);
    expect(page.querySelector('.state-empty')).toBeTruthy();
    tap(page, '.file-button');
    expect(opened).toEqual(['/pages/requests/form/index']);
  });

  test('45 requests page 20 at a time newest first with status tags, and pull-down refresh starts again from the top', async () => {
    const openid = 'page-list-many';
    for (let n = 0; n < 45; n += 1) await insertDocument('requests', storedRequest(openid, n, n === 44 ? 'in_progress' : 'submitted'));
    actAs(openid);
    const page = renderPage('pages/requests/list/index');
    const rows = () => page.querySelectorAll('.request-row').length;
    await waitFor(() => rows() === 20, 'the first page', 30000);
    const first = page.data.items as Array<{ title: string; tagTheme: string; statusLabel: string }>;
    expect(first[0]).toMatchObject({ title: '劳动合同问题 44', statusLabel: '办理中', tagTheme: 'primary' });
    expect(first[1]).toMatchObject({ title: '劳动合同问题 43', statusLabel: '待受理', tagTheme: 'warning' });
    expect(textOf(page, '.row-tags')).toBe('办理中');

    tap(page, '.more-button');
    await waitFor(() => rows() === 40, 'the second page');
    tap(page, '.more-button');
    await waitFor(() => rows() === 45, 'the last page');
    const titles = (page.data.items as Array<{ title: string }>).map((r) => r.title);
    expect(new Set(titles).size).toBe(45);
    expect(titles[44]).toBe('劳动合同问题 0');
    expect(page.querySelector('.more-button')).toBeFalsy();
    expect(textOf(page, '.end-text')).toBe('没有更多了');

    let stopped = 0;
    Object.assign(wxApi(), { stopPullDownRefresh: () => (stopped += 1) });
    await (page.instance as unknown as { onPullDownRefresh(): Promise<void> }).onPullDownRefresh();
    expect(stopped).toBe(1);
    expect(rows()).toBe(20);
  });

  test('without network the list says so and 重新加载 tries again', async () => {
    actAs('page-list-offline');
    const cloud = (wxApi().cloud as { callFunction(options: unknown): Promise<unknown> });
    const working = cloud.callFunction;
    cloud.callFunction = () => Promise.reject(new Error('offline'));
    const page = renderPage('pages/requests/list/index');
    await waitFor(() => page.data.error !== '', 'the error state');
    expect(textOf(page, '.state-error')).toContain('网络不给力');
    cloud.callFunction = working;
    tap(page, '.retry-button');
    await waitFor(() => page.data.loading === false && page.data.error === '', 'the retry');
    expect(page.querySelector('.state-empty')).toBeTruthy();
  });
});
