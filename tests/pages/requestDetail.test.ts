import { actAs, grantRole, insertDocument, subscriptionDialogs } from './harness/pageCloud';
import { fire, renderPage, tap, tapItem, textOf, typeInto, waitFor } from './harness/renderPage';

jest.setTimeout(90000);

type Wx = Record<string, unknown> & { cloud: { callFunction(options: { name: string; data: unknown }): Promise<{ result: unknown }> } };
const wxApi = () => (globalThis as unknown as { wx: Wx }).wx;
type Page = ReturnType<typeof renderPage>;

async function call<T>(openid: string, action: string, input: unknown): Promise<T> {
  actAs(openid);
  const { result } = await wxApi().cloud.callFunction({ name: 'requests', data: { action, input } });
  const reply = result as { ok: boolean; data: T; message?: string };
  if (!reply.ok) throw new Error(`${action}: ${reply.message}`);
  return reply.data;
}

async function fileRequest(openid: string, n: number): Promise<string> {
  const input = { category: 'migrantWages', orgId: 'qh-xining', title: `工地拖欠工资 ${n}`, description: '城北区某工地拖欠我们班组三个月工资。', contactName: '马师傅', contactMobile: '13812341234', place: '', photos: [], clientRequestId: `detail-${openid}-${n}` };
  return (await call<{ id: string }>(openid, 'submit', input)).id;
}

const open = (requestId: string) => renderPage('pages/requests/detail/index', { requestId }, { compiler: 'official' });

/** The worker's answer to the dialog: its 取消 (first) or confirming (second) button. */
function answerDialog(page: Page, button: 'confirm' | 'cancel'): void {
  tapItem(page, '.confirm-dialog', 't-dialog-button', button === 'cancel' ? 0 : 1);
}
const toastOf = (page: Page) => (page.querySelector('#t-toast')?.data as { message?: string } | undefined)?.message;
const dialogOf = (page: Page) => page.data.dialog as { visible: boolean; action: string; title: string; confirm: unknown };

describe('a request seen by the worker', () => {
  test('a new request shows its status, the acceptance deadline and one step; 撤回 asks first, 取消 keeps it, 撤回 withdraws with a toast', async () => {
    const id = await fileRequest('page-detail-1', 1);
    actAs('page-detail-1');
    const page = open(id);
    await waitFor(() => page.data.request !== null, 'the request', 30000);
    expect(textOf(page, '.request-status')).toBe('待受理');
    expect(textOf(page, '.deadline-text')).toMatch(/^受理时限:\d{4}-\d\d-\d\d \d\d:\d\d 前$/);
    expect(page.querySelector('.overdue-text')).toBeFalsy();
    expect(page.querySelectorAll('.step-meta').length).toBe(1);

    // Every action the page sends; the withdrawal is held until the test lets it through.
    const cloud = wxApi().cloud;
    const working = cloud.callFunction;
    const sent: string[] = [];
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    cloud.callFunction = async (options) => {
      const action = (options.data as { action: string }).action;
      sent.push(action);
      if (action === 'withdraw') await held;
      return working(options);
    };
    tap(page, '.withdraw-button');
    await waitFor(() => dialogOf(page).visible, 'the confirmation');
    expect(dialogOf(page)).toMatchObject({ action: 'withdraw', title: '撤回这条诉求?' });
    expect(sent).toEqual([]);
    answerDialog(page, 'cancel');
    await waitFor(() => !dialogOf(page).visible, 'the dialog to close');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sent).toEqual([]);
    expect(textOf(page, '.request-status')).toBe('待受理');

    tap(page, '.withdraw-button');
    await waitFor(() => dialogOf(page).visible, 'the confirmation again');
    answerDialog(page, 'confirm');
    // While the withdrawal is on its way the dialog stays with a spinning 撤回, the buttons are off and taps send nothing more.
    await waitFor(() => sent.includes('withdraw'), 'the withdrawal to be sent');
    expect(dialogOf(page)).toMatchObject({ visible: true, confirm: { content: '撤回', loading: true } });
    expect(page.data.busy).toBe(true);
    answerDialog(page, 'confirm');
    answerDialog(page, 'cancel');
    expect(dialogOf(page).visible).toBe(true);
    release();
    await waitFor(() => textOf(page, '.request-status') === '已撤回', 'the withdrawal');
    cloud.callFunction = working;
    expect(dialogOf(page).visible).toBe(false);
    expect(sent.filter((action) => action === 'withdraw')).toHaveLength(1);
    expect(page.querySelector('.withdraw-button')).toBeFalsy();
    expect(page.querySelector('.deadline')).toBeFalsy();
    expect(toastOf(page)).toBe('诉求已撤回');
  });

  test('a resolved request shows the timeline as steps with the reply; the worker rates it with t-rate, and 确认办结 on another asks first', async () => {
    await grantRole('page-detail-cadre', 'qh-xining');
    const id = await fileRequest('page-detail-2', 2);
    for (const [action, note] of [['accept', ''], ['start', '已联系施工单位'], ['resolve', '工资已全部结清']] as const) await call('page-detail-cadre', action, { requestId: id, note });
    actAs('page-detail-2');
    const page = open(id);
    await waitFor(() => textOf(page, '.request-status') === '已办结', 'the resolved request', 30000);
    const steps = (page.data.request as { timeline: Array<{ what: string; statusLabel: string }> }).timeline.map((s) => `${s.what} · ${s.statusLabel}`);
    expect(steps).toEqual(['提交诉求 · 待受理', '受理 · 已受理', '开始办理 · 办理中', '办结 · 已办结']);
    expect(page.querySelector('.steps')?.data.current).toBe(3);
    expect(textOf(page, '.timeline')).toContain('工资已全部结清');
    expect(page.querySelector('.deadline')).toBeFalsy();

    tap(page, '.rate-button');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(page.data.request && (page.data.request as { rating: number | null }).rating).toBeNull();
    // t-rate reads the touch position on the phone; here it emits the change it would for the 4th star.
    (page.querySelector('.rate-stars')?.instance as unknown as { triggerEvent(name: string, detail: unknown): void }).triggerEvent('change', { value: 4 });
    await waitFor(() => page.data.stars === 4, 'four stars');
    typeInto(page, '.comment-input', '办得及时');

    // Rating closes the request for good: asked first; 取消 sends nothing and keeps the rating form as filled.
    const cloud = wxApi().cloud;
    const working = cloud.callFunction;
    const sent: string[] = [];
    cloud.callFunction = (options) => {
      sent.push((options.data as { action: string }).action);
      return working(options);
    };
    tap(page, '.rate-button');
    await waitFor(() => dialogOf(page).visible, 'the rating confirmation');
    expect(dialogOf(page)).toMatchObject({ action: 'rate', title: '提交 4 星评价?', confirm: '提交评价' });
    expect((page.data.dialog as { content: string }).content).toBe('提交评价后诉求即办结,不能再申请重新办理。');
    answerDialog(page, 'cancel');
    await waitFor(() => !dialogOf(page).visible, 'the dialog to close');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sent).toEqual([]);
    expect(subscriptionDialogs).toEqual([]);
    expect(page.querySelector('.rate-button')).toBeTruthy();
    expect(page.data).toMatchObject({ stars: 4, comment: '办得及时' });
    expect((page.data.request as { rating: number | null }).rating).toBeNull();

    tap(page, '.rate-button');
    await waitFor(() => dialogOf(page).visible, 'the rating confirmation again');
    answerDialog(page, 'confirm');
    await waitFor(() => textOf(page, '.rating-comment') === '办得及时', 'the rating');
    cloud.callFunction = working;
    expect(sent.filter((action) => action === 'rate')).toHaveLength(1);
    // 确定 is the tap that asks for the next progress notice.
    expect(subscriptionDialogs).toHaveLength(1);
    expect((page.data.request as { rating: number }).rating).toBe(4);
    expect(textOf(page, '.request-status')).toBe('已完成');
    expect(toastOf(page)).toBe('感谢您的评价');
    expect(page.querySelector('.reopen-button')).toBeFalsy();

    const other = await fileRequest('page-detail-2', 3);
    for (const action of ['accept', 'resolve'] as const) await call('page-detail-cadre', action, { requestId: other, note: '已处理' });
    actAs('page-detail-2');
    const second = open(other);
    await waitFor(() => textOf(second, '.request-status') === '已办结', 'the second request');
    tap(second, '.confirm-button');
    await waitFor(() => dialogOf(second).visible, 'the confirmation');
    expect(dialogOf(second).action).toBe('confirm');
    answerDialog(second, 'confirm');
    await waitFor(() => textOf(second, '.request-status') === '已完成', 'the confirmation to go through');
  });

  test('a request past its acceptance time says so; its photo opens in the previewer; offline shows an error with retry', async () => {
    const openid = 'page-detail-3';
    const at = (ms: number) => ({ $date: new Date(ms).toISOString() });
    const filed = Date.now() - 10 * 86400000;
    const photo = `cloud://local-dev/requests/${openid}/a.jpg`;
    await insertDocument('requests', {
      _id: 'page-detail-overdue', openid, clientRequestId: 'c-overdue', category: 'safety', title: '车间噪音超标', description: '冲压车间噪音很大,没有发耳塞。',
      photos: [photo], contactName: '李师傅', contactMobile: '13912345678', place: '', orgId: 'qh-xining', status: 'submitted',
      createdAt: at(filed), updatedAt: at(filed), queuedAt: at(filed), acceptDueAt: at(filed + 2 * 86400000), resolveDueAt: at(filed + 20 * 86400000),
      acceptedAt: null, resolvedAt: null, closedAt: null, overdue: true, escalatedTo: null, rating: null, ratingComment: null,
      timeline: [{ at: at(filed), actor: 'worker', actorOpenid: openid, event: 'submit', from: null, to: 'submitted', orgId: 'qh-xining', note: '' }],
      lastNotice: null,
    });
    const previews: Array<{ urls: string[]; current: string }> = [];
    Object.assign(wxApi(), { previewImage: (options: { urls: string[]; current: string }) => previews.push(options) });
    actAs(openid);
    const page = open('page-detail-overdue');
    await waitFor(() => page.data.request !== null, 'the request', 30000);
    expect(textOf(page, '.overdue-text')).toBe('已超时,已提请上级工会督办');
    fire(page, '.photo', 'tap', {}, ['image']);
    expect(previews).toEqual([{ urls: [photo], current: photo }]);

    const cloud = wxApi().cloud;
    const working = cloud.callFunction;
    cloud.callFunction = () => Promise.reject(new Error('offline'));
    const offline = open('page-detail-overdue');
    await waitFor(() => offline.data.loading === false, 'the error state');
    expect(textOf(offline, '.state-error')).toContain('网络不给力');
    cloud.callFunction = working;
    tap(offline, '.retry-button');
    await waitFor(() => offline.data.request !== null, 'the retry');
  });
});
