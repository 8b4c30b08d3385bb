import { chooseOrg } from './harness/chooseOrg';
import { actAs, grantRole, insertDocument } from './harness/pageCloud';
import { renderPage, tap, tapItem, tapItemWithText, textOf, typeInto, waitFor } from './harness/renderPage';

jest.setTimeout(90000);

type Wx = Record<string, unknown>;
const wxApi = () => (globalThis as unknown as { wx: Wx }).wx;
type Page = ReturnType<typeof renderPage>;

const day = 86400000;
const base = Date.UTC(2026, 10, 2, 1, 0);

/** A stored request of organisation `orgId`, filed n minutes after the base time, due to be resolved `dueDays` after it. */
function storedRequest(orgId: string, n: number, dueDays: number, overdue = false): Record<string, unknown> {
  const at = (ms: number) => ({ $date: new Date(ms).toISOString() });
  const filed = base + n * 60000;
  return {
    _id: `${orgId}-queue-${String(n).padStart(2, '0')}`, openid: `queue-worker-${n}`, clientRequestId: `q-${n}`, category: n % 2 ? 'legalAid' : 'safety', title: `诉求 ${n}`, description: '请工会帮助协调解决。',
    photos: [], contactName: '职工', contactMobile: '13812340000', place: '', orgId, status: 'submitted',
    createdAt: at(filed), updatedAt: at(filed), queuedAt: at(filed), acceptDueAt: at(filed + 2 * day), resolveDueAt: at(base + dueDays * day),
    acceptedAt: null, resolvedAt: null, closedAt: null, overdue, escalatedTo: null, rating: null, ratingComment: null,
    timeline: [{ at: at(filed), actor: 'worker', actorOpenid: `queue-worker-${n}`, event: 'submit', from: null, to: 'submitted', orgId, note: '' }],
    lastNotice: null,
  };
}

const titles = (page: Page) => (page.data.items as Array<{ title: string }>).map((r) => r.title);
const dialogOf = (page: Page) => page.data.dialog as { visible: boolean; action: string; title: string; content: string };
const toastOf = (page: Page) => (page.querySelector('#t-toast')?.data as { message?: string } | undefined)?.message;
function answerDialog(page: Page, button: 'confirm' | 'cancel'): void {
  tapItem(page, '.confirm-dialog', 't-dialog-button', button === 'cancel' ? 0 : 1);
}

describe('the cadre queue', () => {
  test('a cadre pages through 45 requests by resolve deadline, then newest first, then only the overdue ones; pull-down refresh starts again; a filter left quickly does not come back late', async () => {
    // Due dates run backwards from n, so the deadline order is the reverse of the filing order.
    for (let n = 0; n < 45; n += 1) await insertDocument('requests', storedRequest('qh-huangnan', n, 60 - n, n % 10 === 0));
    await grantRole('page-queue-cadre', 'qh-huangnan');
    actAs('page-queue-cadre');
    const page = renderPage('cadre/requests/queue/index', undefined, { compiler: 'official' });
    await waitFor(() => titles(page).length === 20, 'the first page', 30000);
    expect(titles(page).slice(0, 2)).toEqual(['诉求 44', '诉求 43']);
    expect(textOf(page, '.row-tags')).toBe('待受理');
    tap(page, '.more-button');
    await waitFor(() => titles(page).length === 40, 'the second page');
    tap(page, '.more-button');
    await waitFor(() => titles(page).length === 45, 'the whole queue');
    expect(new Set(titles(page)).size).toBe(45);
    expect(titles(page)[44]).toBe('诉求 0');
    expect(page.querySelector('.more-button')).toBeFalsy();

    tapItem(page, '.filter-menu', 't-dropdown-menu__item', 2);
    await waitFor(() => page.querySelector('.sort-filter')?.data.wrapperVisible === true, 'the sort options');
    tapItemWithText(page, '.sort-filter', 't-radio__content', '最新提交');
    await waitFor(() => page.data.loading === false && titles(page).length === 20 && page.data.sort === 'newest', 'newest first');
    expect(titles(page)[0]).toBe('诉求 44');

    page.instance.onToggleOverdue();
    await waitFor(() => page.data.loading === false && titles(page).length === 5, 'the overdue ones');
    expect(titles(page)).toEqual(['诉求 40', '诉求 30', '诉求 20', '诉求 10', '诉求 0']);
    expect(page.querySelectorAll('.overdue-tag').length).toBe(5);

    let stopped = 0;
    Object.assign(wxApi(), { stopPullDownRefresh: () => (stopped += 1) });
    page.instance.onToggleOverdue();
    await waitFor(() => page.data.loading === false && titles(page).length === 20, 'the filter off');
    tap(page, '.more-button');
    await waitFor(() => titles(page).length === 40, 'a second page');
    await (page.instance as unknown as { onPullDownRefresh(): Promise<void> }).onPullDownRefresh();
    expect(stopped).toBe(1);
    expect(titles(page).length).toBe(20);

    // 仅看超时 on and off again quickly: the late reply of the overdue filter does not replace the whole queue.
    const cloud = wxApi().cloud as { callFunction(options: { data: { action: string; input: { overdue?: boolean } } }): Promise<unknown> };
    const through = cloud.callFunction;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let overdueAnswered = false;
    cloud.callFunction = async (options) => {
      const reply = await through(options);
      if (options.data.action === 'queuePage' && options.data.input.overdue) {
        await held;
        overdueAnswered = true;
      }
      return reply;
    };
    page.instance.onToggleOverdue();
    page.instance.onToggleOverdue();
    await waitFor(() => page.data.loading === false && titles(page).length === 20, 'the whole queue again');
    release();
    await waitFor(() => overdueAnswered, 'the late overdue reply');
    await new Promise((resolve) => setTimeout(resolve, 100));
    cloud.callFunction = through;
    expect(page.data.overdueOnly).toBe(false);
    expect(titles(page).length).toBe(20);
    expect(page.querySelectorAll('.overdue-tag').length).toBe(2);
  });

  test('a cadre of an organisation with no request sees the empty state', async () => {
    await grantRole('page-queue-empty', 'qh-haibei');
    actAs('page-queue-empty');
    const page = renderPage('cadre/requests/queue/index', undefined, { compiler: 'official' });
    await waitFor(() => page.data.loading === false, 'the queue', 30000);
    expect(page.querySelector('.state-empty')).toBeTruthy();
  });
});

describe('a cadre answers a request', () => {
  test('不予受理 needs a reason and asks first; 取消 keeps the request, confirming declines it with a toast', async () => {
    await insertDocument('requests', storedRequest('qh-hainan', 1, 20));
    await grantRole('page-decline-cadre', 'qh-hainan');
    actAs('page-decline-cadre');
    const page = renderPage('cadre/requests/detail/index', { requestId: 'qh-hainan-queue-01' }, { compiler: 'official' });
    await waitFor(() => textOf(page, '.request-status') === '待受理', 'the request', 30000);
    expect(textOf(page, '.contact-mobile')).toBe('13812340000');

    tap(page, '.action-decline');
    await waitFor(() => toastOf(page) === '请先在说明里写明不予受理的原因', 'the hint');
    expect(dialogOf(page).visible).toBe(false);

    typeInto(page, '.note-input', '属于劳动仲裁受理范围,请向仲裁委申请');
    tap(page, '.action-decline');
    await waitFor(() => dialogOf(page).visible, 'the confirmation');
    expect(dialogOf(page).content).toContain('属于劳动仲裁受理范围');
    answerDialog(page, 'cancel');
    await waitFor(() => !dialogOf(page).visible, 'the dialog to close');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(textOf(page, '.request-status')).toBe('待受理');

    tap(page, '.action-decline');
    await waitFor(() => dialogOf(page).visible, 'the confirmation again');
    answerDialog(page, 'confirm');
    await waitFor(() => textOf(page, '.request-status') === '不予受理', 'the decline');
    expect(toastOf(page)).toBe('已不予受理');
    expect(page.querySelector('.action-decline')).toBeFalsy();
  });

  test('转办 asks first and names the organisation', async () => {
    await insertDocument('requests', storedRequest('qh-hainan', 2, 20));
    actAs('page-decline-cadre');
    const page = renderPage('cadre/requests/detail/index', { requestId: 'qh-hainan-queue-02' }, { compiler: 'official' });
    await waitFor(() => page.data.request !== null && (page.data.orgOptions as unknown[]).length > 0, 'the request', 30000);
    tap(page, '.action-transfer');
    await waitFor(() => toastOf(page) === '请选择转办的工会组织', 'the hint');
    await chooseOrg(page, '.transfer-org-cell', ['青海省总工会', '海南藏族自治州总工会']);
    expect(page.querySelector('.transfer-org-cell')?.data.note).toBe('海南藏族自治州总工会');
    tap(page, '.action-transfer');
    await waitFor(() => dialogOf(page).visible, 'the confirmation');
    expect(dialogOf(page).title).toBe('转办至海南藏族自治州总工会?');
    answerDialog(page, 'cancel');
    await waitFor(() => !dialogOf(page).visible, 'the dialog to close');
    expect(textOf(page, '.request-status')).toBe('待受理');
  });
});
