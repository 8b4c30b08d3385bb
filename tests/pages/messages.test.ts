import { subscribeTemplates } from '../../miniprogram/config/subscribeTemplates';
import { actAs, grantRole, insertDocument, subscriptionDialogs } from './harness/pageCloud';
import { renderPage, tap, textOf, waitFor } from './harness/renderPage';

jest.setTimeout(90000);

type Wx = Record<string, unknown>;
const wxApi = () => (globalThis as unknown as { wx: Wx }).wx;

/** What the pages asked of WeChat: pages opened, tab bar badges set or removed; storage kept in memory. */
const navigations: string[] = [];
const badges: Array<{ index: number; text?: string }> = [];
const storage = new Map<string, unknown>();

function mockWx(): void {
  Object.assign(wxApi(), {
    navigateTo: ({ url }: { url: string }) => navigations.push(url),
    setTabBarBadge: ({ index, text }: { index: number; text: string }) => badges.push({ index, text }),
    removeTabBarBadge: ({ index }: { index: number }) => badges.push({ index }),
    getStorageSync: (key: string) => storage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => storage.set(key, value),
    stopPullDownRefresh: () => undefined,
    getPrivacySetting: ({ success }: { success(res: { needAuthorization: boolean; privacyContractName: string }): void }) => success({ needAuthorization: false, privacyContractName: '《职工之家隐私保护指引》' }),
  });
}

/** Calls an action as this user through the mini program's wx.cloud (from now on the pages act as this user). */
async function callAs(openid: string, domain: string, action: string, input: unknown): Promise<{ ok: boolean; data?: unknown; code?: string; message?: string }> {
  actAs(openid);
  const cloud = wxApi().cloud as { callFunction(options: { name: string; data: unknown }): Promise<{ result: unknown }> };
  return (await cloud.callFunction({ name: domain, data: { action, input } })).result as { ok: boolean };
}

beforeEach(() => {
  navigations.length = 0;
  badges.length = 0;
});

/** `count` notices for the worker, a minute apart (message n is the newest for the largest n). */
async function seedMessages(openid: string, count: number): Promise<void> {
  for (let n = 0; n < count; n += 1) {
    const at = new Date(Date.UTC(2026, 10, 20, 1, n)).toISOString();
    const _id = `${openid}-${String(n).padStart(2, '0')}`;
    await insertDocument('messages', {
      _id, openid, kind: 'requestStatus', title: `消息${n}`, summary: '工地拖欠工资', note: n % 2 ? '已联系用人单位' : '',
      page: `pages/requests/detail/index?requestId=req-${n}`, requestId: `req-${n}`, createdAt: { $date: at }, sortKey: `${at}|${_id}`, read: false, readAt: null,
    });
  }
}

/** The units the server counts for this person (a refusal reported adds none and answers the count). */
async function serverQuota(openid: string, templateId: string): Promise<Record<string, number>> {
  const reply = await callAs(openid, 'account', 'recordSubscriptions', { results: [{ templateId, result: 'reject' }] });
  if (!reply.ok) throw new Error(`${reply.code} ${reply.message}`);
  return (reply.data as { quota: Record<string, number> }).quota;
}

const openMessages = () => renderPage('pages/messages/index', undefined, { compiler: 'official' });
const titles = (page: ReturnType<typeof renderPage>) => (page.data.items as Array<{ title: string }>).map((m) => m.title);

describe('消息 page', () => {
  test('a worker without notices sees the empty state, which opens 我的诉求', async () => {
    actAs('msg-empty');
    mockWx();
    const page = openMessages();
    await waitFor(() => page.data.loading === false, 'the list', 30000);
    expect(textOf(page, '.state-empty')).toContain('还没有消息');
    expect(badges).toEqual([{ index: 3 }]);
    tap(page, '.requests-button');
    expect(navigations).toEqual(['/pages/requests/list/index']);
  });

  test('notices come newest first, twenty at a time; tapping one asks for the next notice, marks it read and opens the request; all can be marked read; pull-down refresh starts again from the top', async () => {
    await seedMessages('msg-worker', 23);
    actAs('msg-worker');
    mockWx();
    const page = openMessages();
    await waitFor(() => titles(page).length === 20, 'the first page', 30000);
    expect(titles(page).slice(0, 3)).toEqual(['消息22', '消息21', '消息20']);
    expect(textOf(page, '.unread-text')).toBe('23 条未读');
    // 09:22 in Shanghai on 20 November 2026: a date only, being before today (the year too from 2027 on).
    expect((page.data.items as Array<{ summary: string; timeText: string }>)[0]).toMatchObject({ summary: '工地拖欠工资' });
    expect((page.data.items as Array<{ timeText: string }>)[0]?.timeText).toMatch(/^(2026年)?11月20日$/);
    expect(textOf(page, '.message-time')).toMatch(/^(2026年)?11月20日$/);
    expect(textOf(page, '.message-title')).toBe('消息22');
    expect(page.querySelectorAll('.unread-dot')).toHaveLength(20);
    expect(badges).toEqual([{ index: 3, text: '23' }]);

    tap(page, '.more-button');
    await waitFor(() => titles(page).length === 23, 'the second page');
    expect(titles(page).slice(20)).toEqual(['消息2', '消息1', '消息0']);
    expect(textOf(page, '.end-text')).toBe('没有更多了');

    tap(page, '.message-row');
    await waitFor(() => navigations.length === 1, 'the request to open');
    expect(navigations).toEqual(['/pages/requests/detail/index?requestId=req-22']);
    expect(subscriptionDialogs).toEqual([[subscribeTemplates.requestStatusChanged]]);
    expect(await serverQuota('msg-worker', subscribeTemplates.requestStatusChanged)).toEqual({ [subscribeTemplates.requestStatusChanged]: 1 });
    expect(page.data.unread).toBe(22);
    expect((page.data.items as Array<{ read: boolean }>)[0].read).toBe(true);
    expect(badges[badges.length - 1]).toEqual({ index: 3, text: '22' });

    tap(page, '.mark-all-button');
    await waitFor(() => page.data.unread === 0, 'all read');
    expect(textOf(page, '.unread-text')).toBe('全部已读');
    expect(page.querySelectorAll('.unread-dot')).toHaveLength(0);
    expect(badges[badges.length - 1]).toEqual({ index: 3 });
    const count = await callAs('msg-worker', 'account', 'unreadCount', {});
    expect(count).toEqual({ ok: true, data: { unread: 0 } });

    // Pull-down refresh starts again from the newest twenty, as the server now counts them.
    let stopped = 0;
    Object.assign(wxApi(), { stopPullDownRefresh: () => (stopped += 1) });
    actAs('msg-worker');
    await (page.instance as unknown as { onPullDownRefresh(): Promise<void> }).onPullDownRefresh();
    expect(stopped).toBe(1);
    expect(titles(page)).toHaveLength(20);
    expect((page.data.items as Array<{ read: boolean }>).every((m) => m.read)).toBe(true);
    expect(page.querySelector('#t-toast')?.data.message).toBe('已刷新');
  });

  test('the outcome of a 纠错 shows with the editor’s reply; opening it asks for the next outcome and opens 我的纠错', async () => {
    const at = new Date(Date.UTC(2026, 10, 21, 2, 0)).toISOString();
    await insertDocument('messages', {
      _id: 'msg-reporter-1', openid: 'msg-reporter', kind: 'reportOutcome', title: '纠错已采纳', summary: '1921年中国共产党第一次全国代表大会在哪里召开?', note: '已核实并更正答案,感谢指正。',
      page: 'pages/quiz/reports/index', requestId: null, createdAt: { $date: at }, sortKey: `${at}|msg-reporter-1`, read: false, readAt: null,
    });
    actAs('msg-reporter');
    mockWx();
    const page = openMessages();
    await waitFor(() => titles(page).length === 1, 'the list', 30000);
    expect((page.data.items as Array<Record<string, unknown>>)[0]).toMatchObject({ kind: 'reportOutcome', title: '纠错已采纳', note: '已核实并更正答案,感谢指正。' });
    expect((page.data.items as Array<{ timeText: string }>)[0]?.timeText).toMatch(/^(2026年)?11月21日$/);
    expect(page.querySelector('.message-row.is-unread')).toBeTruthy();
    tap(page, '.message-row');
    await waitFor(() => navigations.length === 1, '我的纠错 to open');
    expect(navigations).toEqual(['/pages/quiz/reports/index']);
    expect(subscriptionDialogs).toEqual([[subscribeTemplates.reportOutcome]]);
  });

  test('a worker who taps 取消 in the dialog still opens the request; the refusal adds nothing', async () => {
    await seedMessages('msg-refuser', 1);
    actAs('msg-refuser', { subscriptions: 'reject' });
    mockWx();
    const page = openMessages();
    await waitFor(() => titles(page).length === 1, 'the list', 30000);
    tap(page, '.message-row');
    await waitFor(() => navigations.length === 1, 'the request to open');
    expect(subscriptionDialogs).toHaveLength(1);
    expect(await serverQuota('msg-refuser', subscribeTemplates.requestStatusChanged)).toEqual({});
  });

  test('a failed load shows the error with a retry that loads the list', async () => {
    await seedMessages('msg-retry', 2);
    actAs('msg-retry');
    mockWx();
    const cloud = wxApi().cloud as { callFunction: unknown };
    const working = cloud.callFunction;
    cloud.callFunction = () => Promise.reject(new Error('network down'));
    const page = openMessages();
    await waitFor(() => page.querySelector('.state-error') !== undefined && page.data.error !== '', 'the error state', 30000);
    expect(textOf(page, '.state-error')).toContain('网络不给力');
    cloud.callFunction = working;
    tap(page, '.retry-button');
    await waitFor(() => titles(page).length === 2, 'the list after retrying');
  });
});

describe('the unread badge and the subscription moments', () => {
  test('我的 shows the unread count on the 消息 entry and on the tab bar', async () => {
    await seedMessages('msg-me', 3);
    actAs('msg-me');
    mockWx();
    const page = renderPage('pages/me/index', undefined, { compiler: 'official' });
    await waitFor(() => page.data.unread === 3, 'the unread count', 30000);
    expect(badges).toContainEqual({ index: 3, text: '3' });
  });

  test('a cadre subscribes to overdue reminders on the desk; the acceptance reaches the server', async () => {
    await grantRole('msg-cadre', 'qh-xining');
    actAs('msg-cadre');
    mockWx();
    const page = renderPage('cadre/home/index');
    await waitFor(() => page.data.loaded === true && page.data.isCadre === true, 'the desk', 30000);
    tap(page, '.overdue-subscribe');
    await waitFor(() => page.data.overdueSubscribed === true, 'the subscription');
    expect(subscriptionDialogs).toEqual([[subscribeTemplates.requestOverdue]]);
    expect(await serverQuota('msg-cadre', subscribeTemplates.requestOverdue)).toEqual({ [subscribeTemplates.requestOverdue]: 1 });
  });

  test('opening from 我的诉求 a request whose status changed asks for the next notice, once', async () => {
    const filed = await callAs('msg-filer', 'requests', 'submit', {
      category: 'migrantWages', title: '工地拖欠工资', description: '城北区某工地拖欠我们班组三个月工资。', contactName: '马师傅', contactMobile: '13812341234', orgId: 'qh-xining', place: '', photos: [], clientRequestId: `msg-filer-${Date.now()}`,
    });
    const requestId = (filed.data as { id: string }).id;
    await grantRole('msg-acceptor', 'qh-xining');
    expect(await callAs('msg-acceptor', 'requests', 'accept', { requestId })).toMatchObject({ ok: true });
    actAs('msg-filer');
    mockWx();
    const list = renderPage('pages/requests/list/index');
    await waitFor(() => (list.data.items as Array<{ title: string }>).some((r) => r.title === '工地拖欠工资'), 'my requests', 30000);
    tap(list, '.request-row');
    await waitFor(() => navigations.length === 1, 'the request to open');
    expect(navigations).toEqual([`/pages/requests/detail/index?requestId=${requestId}`]);
    expect(subscriptionDialogs).toEqual([[subscribeTemplates.requestStatusChanged]]);
    tap(list, '.request-row');
    await waitFor(() => navigations.length === 2, 'the request to open again');
    expect(subscriptionDialogs).toHaveLength(1);
  });
});
