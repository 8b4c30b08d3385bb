import { actAs, grantRole, insertDocument, subscriptionDialogs } from './harness/pageCloud';
import { renderPage, tap, tapItem, textOf, typeInto, waitFor } from './harness/renderPage';

jest.setTimeout(180000);

type Wx = Record<string, unknown>;
const wxApi = () => (globalThis as unknown as { wx: Wx }).wx;
type Dialog = { visible: boolean };

/** Calls an action as this user through the mini program's wx.cloud (from now on the pages act as this user). */
async function callAs(openid: string, domain: string, action: string, input: unknown): Promise<{ ok: boolean; data?: unknown; code?: string; message?: string }> {
  actAs(openid);
  const cloud = wxApi().cloud as { callFunction(options: { name: string; data: unknown }): Promise<{ result: unknown }> };
  return (await cloud.callFunction({ name: domain, data: { action, input } })).result as { ok: boolean };
}

/** Records the actions the page sends from now on (the dialog must send nothing before 确定). */
function recordCalls(): { sent: Array<{ action: string; input: unknown }>; restore(): void } {
  type CallFunction = (options: { data: { action: string; input: unknown } }) => Promise<unknown>;
  const cloud = wxApi().cloud as { callFunction: CallFunction };
  const through = cloud.callFunction;
  const sent: Array<{ action: string; input: unknown }> = [];
  cloud.callFunction = (options) => {
    sent.push({ action: options.data.action, input: options.data.input });
    return through(options);
  };
  return { sent, restore: () => { cloud.callFunction = through; } };
}

const openQueue = () => renderPage('cadre/membership/index', undefined, { compiler: 'official' });
const openMe = () => renderPage('pages/me/index', undefined, { compiler: 'official' });
const nicknames = (page: ReturnType<typeof renderPage>) => page.querySelectorAll('.join-nickname').map((n) => (n.dom as HTMLElement).textContent?.trim());
const toast = (page: ReturnType<typeof renderPage>) => page.querySelector('#t-toast')?.data.message as string | undefined;

beforeAll(() => {
  Object.assign(wxApi(), {
    stopPullDownRefresh: () => undefined,
    getPrivacySetting: ({ success }: { success(res: { needAuthorization: boolean; privacyContractName: string }): void }) => success({ needAuthorization: false, privacyContractName: '《职工之家隐私保护指引》' }),
  });
});

describe('入会审核 page', () => {
  test('a cadre approves a worker’s request with a toast; the worker’s 我的 then shows the union and 消息 tells them, opening 我的', async () => {
    expect(await callAs('page-join-worker-a', 'account', 'updateProfile', { nickname: '果洛牧民' })).toMatchObject({ ok: true });
    expect(await callAs('page-join-worker-a', 'account', 'requestOrgJoin', { orgId: 'qh-guoluo' })).toMatchObject({ ok: true });
    actAs('page-join-worker-a');
    const before = openMe();
    await waitFor(() => textOf(before, '.join-state') !== '', 'the pending request on 我的', 30000);
    expect(textOf(before, '.join-state')).toBe('已申请加入果洛藏族自治州总工会,等待工会干部审核');

    await grantRole('page-join-cadre-guoluo', 'qh-guoluo');
    actAs('page-join-cadre-guoluo');
    const queue = openQueue();
    await waitFor(() => nicknames(queue).length === 1, 'the queue', 30000);
    expect(textOf(queue, '.join-org')).toBe('申请加入 果洛藏族自治州总工会');
    expect(textOf(queue, '.join-initial')).toBe('果');
    expect(textOf(queue, '.join-time')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const { sent, restore } = recordCalls();
    tap(queue, '.approve-button');
    await waitFor(() => textOf(queue, '.empty-text') === '没有待审核的入会申请', 'the queue to empty');
    restore();
    // 同意 asks nothing: it is what the worker asked for.
    expect(sent).toEqual([{ action: 'decideJoinRequest', input: { openid: 'page-join-worker-a', approve: true } }]);
    expect(toast(queue)).toBe('已同意,果洛牧民已加入果洛藏族自治州总工会');

    actAs('page-join-worker-a');
    const after = openMe();
    await waitFor(() => textOf(after, '.profile-org') === '果洛藏族自治州总工会', 'the union on 我的', 30000);
    expect(after.querySelector('.join-state')).toBeFalsy();

    // 消息 has the decision; opening it switches to 我的 (a tab: navigateTo fails there) and asks for no subscription.
    const switched: string[] = [];
    Object.assign(wxApi(), {
      navigateTo: ({ fail }: { url: string; fail?: () => void }) => fail?.(),
      switchTab: ({ url }: { url: string }) => switched.push(url),
      setTabBarBadge: () => undefined,
      removeTabBarBadge: () => undefined,
    });
    subscriptionDialogs.length = 0;
    const messages = renderPage('pages/messages/index', undefined, { compiler: 'official' });
    await waitFor(() => (messages.data.items as unknown[]).length === 1, 'the message', 30000);
    expect((messages.data.items as Array<Record<string, unknown>>)[0]).toMatchObject({ kind: 'joinOutcome', title: '入会申请已通过', summary: '果洛藏族自治州总工会', read: false });
    tap(messages, '.message-row');
    await waitFor(() => switched.length === 1, '我的 to open');
    expect(switched).toEqual(['/pages/me/index']);
    expect(subscriptionDialogs).toEqual([]);
  });

  test('不同意 asks first in a dialog with an optional reason; 取消 sends nothing; 不同意 sends the reason and the worker reads it', async () => {
    await callAs('page-join-worker-b', 'account', 'updateProfile', { nickname: '班玛司机' });
    await callAs('page-join-worker-b', 'account', 'requestOrgJoin', { orgId: 'qh-guoluo' });
    actAs('page-join-cadre-guoluo');
    const queue = openQueue();
    await waitFor(() => nicknames(queue).length === 1, 'the queue', 30000);
    const { sent, restore } = recordCalls();

    tap(queue, '.reject-button');
    await waitFor(() => (queue.data.dialog as Dialog).visible, 'the reject dialog');
    tapItem(queue, '.confirm-dialog', 't-dialog-button', 0);
    await waitFor(() => !(queue.data.dialog as Dialog).visible, 'the dialog to close');
    expect(sent).toEqual([]);
    expect(nicknames(queue)).toEqual(['班玛司机']);

    const reason = '名册中没有找到你,请先在单位工会登记';
    tap(queue, '.reject-button');
    await waitFor(() => (queue.data.dialog as Dialog).visible, 'the reject dialog again');
    // A reason typed before 取消 is not carried into the next dialog.
    expect(queue.data.reason).toBe('');
    typeInto(queue, '.reason-input', reason);
    await waitFor(() => queue.data.reason === reason, 'the typed reason');
    expect(sent).toEqual([]);
    tapItem(queue, '.confirm-dialog', 't-dialog-button', 1);
    await waitFor(() => textOf(queue, '.empty-text') === '没有待审核的入会申请', 'the request to leave');
    restore();
    expect(sent).toEqual([{ action: 'decideJoinRequest', input: { openid: 'page-join-worker-b', approve: false, reason } }]);
    expect(toast(queue)).toBe('已不同意,职工会在消息里看到');
    expect((queue.data.dialog as Dialog).visible).toBe(false);

    actAs('page-join-worker-b');
    const me = openMe();
    await waitFor(() => textOf(me, '.join-state') !== '', 'the outcome on 我的', 30000);
    expect(textOf(me, '.join-state')).toBe(`加入果洛藏族自治州总工会的申请未通过:${reason}`);
    expect(textOf(me, '.profile-org')).toBe('尚未加入工会组织');
    const listed = await callAs('page-join-worker-b', 'account', 'listMessages', {});
    expect(listed).toMatchObject({ ok: true, data: { messages: [{ kind: 'joinOutcome', title: '入会申请未通过', note: reason }] } });
  });

  test('the queue pages 20 at a time without losing requests made in the same millisecond; pull-down refresh starts again', async () => {
    // 22 requests to 海南, oldest first; the 20th, 21st and 22nd share a millisecond and straddle the page break.
    const base = Date.UTC(2026, 10, 10, 1);
    for (let n = 0; n < 22; n += 1) {
      const openid = `page-join-hainan-${String(n).padStart(2, '0')}`;
      await insertDocument('org_join_requests', {
        _id: openid, openid, nickname: `海南职工${String(n).padStart(2, '0')}`, orgId: 'qh-hainan', orgName: '海南藏族自治州总工会', orgChain: ['qh-hainan', 'qh'],
        status: 'pending', via: 'request', requestedAt: { $date: new Date(base + Math.min(n, 19) * 60000).toISOString() }, decidedAt: null, decidedBy: null, reason: null,
      });
    }
    await grantRole('page-join-cadre-hainan', 'qh-hainan');
    actAs('page-join-cadre-hainan');
    const queue = openQueue();
    await waitFor(() => nicknames(queue).length === 20, 'the first page', 30000);
    expect(nicknames(queue)[0]).toBe('海南职工00');
    expect(textOf(queue, '.end-text')).toBe('');
    tap(queue, '.load-more');
    await waitFor(() => nicknames(queue).length === 22, 'the next page');
    expect(nicknames(queue)).toEqual(Array.from({ length: 22 }, (_, n) => `海南职工${String(n).padStart(2, '0')}`));
    expect(queue.querySelector('.load-more')).toBeFalsy();
    expect(textOf(queue, '.end-text')).toBe('没有更多了');

    tap(queue, '.approve-button');
    await waitFor(() => nicknames(queue).length === 21, 'the approved one to leave');
    expect(nicknames(queue)[0]).toBe('海南职工01');

    await (queue.instance as unknown as { onPullDownRefresh(): Promise<void> }).onPullDownRefresh();
    expect(nicknames(queue)).toHaveLength(20);
    expect(nicknames(queue)[0]).toBe('海南职工01');
    expect(toast(queue)).toBe('已刷新');
    expect(queue.querySelector('.load-more')).toBeTruthy();
  });

  test('a worker who is not a cadre sees a refusal instead of the queue', async () => {
    actAs('page-join-not-cadre');
    const queue = openQueue();
    await waitFor(() => textOf(queue, '.error-text') !== '', 'the refusal', 30000);
    expect(textOf(queue, '.error-text')).toBe('仅工会干部可以审核入会申请');
    expect(queue.querySelector('.retry-button')).toBeTruthy();
  });
});
