import { actAs, grantRole, insertDocument } from './harness/pageCloud';
import { chooseOrg } from './harness/chooseOrg';
import { renderPage, tap, tapItem, textOf, typeInto, waitFor } from './harness/renderPage';

jest.setTimeout(60000);

let requestId = '';

// The request goes to a county union of its own below 海西 (a city no other file files requests to):
// page test files share a cloud, and the cadre's queue would otherwise page it behind another
// file's requests to 西宁 (tests/pages/requestsList.test.ts files 45).
const county = { id: 'page-req-delingha', name: '德令哈市总工会' };

beforeAll(async () => {
  await insertDocument('orgs', { _id: county.id, name: county.name, parentId: 'qh-haixi', kind: 'county', order: 41 });
});

describe('办实事 pages', () => {
  test('a worker files a request by filling the form, after the form points out a wrong mobile number', async () => {
    actAs('page-worker-1');
    const home = renderPage('pages/service/index', undefined, { compiler: 'official' });
    await waitFor(() => home.querySelectorAll('.category-label').some((label) => (label.dom as HTMLElement).textContent === '农民工服务欠薪'), 'the category grid');

    const form = renderPage('pages/requests/form/index', { category: 'migrantWages' }, { compiler: 'official' });
    await waitFor(() => form.data.loading === false, 'the form options', 30000);
    expect(form.data.categoryIndex).toBe(3);

    typeInto(form, '.mobile-input', '1381234');
    await waitFor(() => textOf(form, '.error-contactMobile') === '请填写 11 位手机号码', 'the inline hint');
    tap(form, '.submit-button');
    await waitFor(() => textOf(form, '.error-title') !== '', 'hints for the empty fields');
    expect(textOf(form, '.error-orgId')).toBe('请选择受理的工会组织');

    typeInto(form, '.title-input', '工地拖欠工资');
    // The description is a native textarea (the harness types into inputs): its handler gets the same event.
    form.instance.onInput({ detail: { value: '城北区某工地拖欠我们班组三个月工资。' }, currentTarget: { dataset: { field: 'description' } } } as never);
    typeInto(form, '.name-input', '马师傅');
    typeInto(form, '.mobile-input', '13812341234');
    await chooseOrg(form, '.org-cell', ['青海省总工会', '海西蒙古族藏族自治州总工会', county.name]);
    await waitFor(() => form.data.orgId === county.id, 'the chosen union');
    expect(textOf(form, '.error-contactMobile')).toBe('');

    tap(form, '.submit-button');
    await waitFor(() => textOf(form, '.submitted-text') !== '', 'the request to be filed');
    requestId = form.data.submittedId as string;

    const list = renderPage('pages/requests/list/index');
    await waitFor(() => (list.data.items as Array<{ title: string }>).some((r) => r.title === '工地拖欠工资'), 'my requests');
    expect(textOf(list, '.row-tags')).toBe('待受理');
  });

  test('a cadre accepts and resolves it', async () => {
    await grantRole('page-cadre-1', county.id);
    actAs('page-cadre-1');
    const queue = renderPage('cadre/requests/queue/index', undefined, { compiler: 'official' });
    await waitFor(() => (queue.data.items as Array<{ title: string }>).some((r) => r.title === '工地拖欠工资'), 'the queue', 30000);

    const detail = renderPage('cadre/requests/detail/index', { requestId }, { compiler: 'official' });
    await waitFor(() => textOf(detail, '.contact-mobile') === '13812341234', 'the full number in the cadre view', 30000);
    tap(detail, '.action-accept');
    await waitFor(() => textOf(detail, '.request-status') === '已受理', 'the acceptance');

    typeInto(detail, '.note-input', '已督促施工单位结清工资');
    tap(detail, '.action-resolve');
    await waitFor(() => textOf(detail, '.request-status') === '已办结', 'the resolution');
    expect(textOf(detail, '.contact-mobile')).toBe('13812341234');

    const board = renderPage('cadre/requests/dashboard/index');
    await waitFor(() => textOf(board, '.summary-note') !== '', 'the dashboard');
    expect(Number(/^共 (\d+) 件/.exec(textOf(board, '.summary-note'))?.[1])).toBeGreaterThanOrEqual(1);
    expect(textOf(board, '.category-lines')).toContain('农民工服务·欠薪');
    expect(textOf(board, '.status-lines')).toContain('已办结');
  });

  test('the worker sees the timeline and rates it', async () => {
    actAs('page-worker-1');
    const detail = renderPage('pages/requests/detail/index', { requestId }, { compiler: 'official' });
    await waitFor(() => textOf(detail, '.request-status') === '已办结', 'the resolved request', 30000);
    expect(textOf(detail, '.card')).toContain('138****1234');
    const steps = (detail.data.request as { timeline: Array<{ what: string; statusLabel: string }> }).timeline.map((s) => `${s.what} · ${s.statusLabel}`);
    expect(steps).toEqual(['提交诉求 · 待受理', '受理 · 已受理', '办结 · 已办结']);
    expect(textOf(detail, '.timeline')).toContain('已督促施工单位结清工资');

    (detail.querySelector('.rate-stars')?.instance as unknown as { triggerEvent(name: string, detail: unknown): void }).triggerEvent('change', { value: 4 });
    typeInto(detail, '.comment-input', '办得及时');
    tap(detail, '.rate-button');
    // Rating ends the request for good: the worker confirms in the dialog.
    await waitFor(() => (detail.data.dialog as { visible: boolean }).visible, 'the rating confirmation');
    tapItem(detail, '.confirm-dialog', 't-dialog-button', 1);
    await waitFor(() => textOf(detail, '.rating-comment') === '办得及时', 'the rating');
    expect((detail.data.request as { rating: number }).rating).toBe(4);
    expect(textOf(detail, '.request-status')).toBe('已完成');
  });

  test('an admin grants a worker the cadre role on the roles page, then revokes it', async () => {
    await grantRole('page-admin-1', null, 'admin');
    actAs('page-admin-1');
    const page = renderPage('cadre/requests/roles/index', undefined, { compiler: 'official' });
    await waitFor(() => (page.data.orgOptions as unknown[]).length > 0, 'the organisations', 30000);
    typeInto(page, '.openid-input', 'page-worker-9');
    await chooseOrg(page, '.org-cell', ['青海省总工会', '海东市总工会']);
    tap(page, '.grant-button');
    await waitFor(() => textOf(page, '.notice-text') === '已授权', 'the grant');
    const rows = () => page.querySelectorAll('.role-text').map((r) => (r.dom as HTMLElement).textContent?.trim());
    // The list reloads from its first page, where the newest grant comes first.
    await waitFor(() => rows()[0] === '海东市总工会 · page-worker-9', 'the new role at the top');
    tap(page, '.revoke-page-worker-9');
    // Revoking asks first: 取消 keeps the role, 撤销 removes it.
    await waitFor(() => (page.data.dialog as { visible: boolean }).visible, 'the revoke confirmation');
    expect((page.data.dialog as { content: string }).content).toContain('海东市总工会');
    tapItem(page, '.confirm-dialog', 't-dialog-button', 0);
    await waitFor(() => !(page.data.dialog as { visible: boolean }).visible, 'the dialog to close');
    expect(rows()).toContain('海东市总工会 · page-worker-9');
    tap(page, '.revoke-page-worker-9');
    await waitFor(() => (page.data.dialog as { visible: boolean }).visible, 'the revoke confirmation again');
    tapItem(page, '.confirm-dialog', 't-dialog-button', 1);
    await waitFor(() => textOf(page, '.notice-text') === '已撤销', 'the revoke');
    expect(rows()).not.toContain('海东市总工会 · page-worker-9');
  });

  test('the roles page shows the newest grants first and loads the next page at the bottom', async () => {
    // The test's own county below 黄南, so no other file's grants (the page tests share a cloud) join its list.
    await insertDocument('orgs', { _id: 'page-roles-zeku', name: '泽库县总工会', parentId: 'qh-huangnan', kind: 'county', order: 42 });
    await grantRole('page-admin-zeku', 'page-roles-zeku', 'admin');
    for (let n = 0; n < 25; n += 1) {
      const openid = `page-zeku-${String(n).padStart(2, '0')}`;
      await insertDocument('roles', { _id: `cadre|page-roles-zeku|${openid}`, openid, role: 'cadre', orgId: 'page-roles-zeku', grantedBy: 'page-test', grantedAt: { $date: new Date(Date.UTC(2026, 10, 1, 0, n)).toISOString() } });
    }
    actAs('page-admin-zeku');
    const page = renderPage('cadre/requests/roles/index', undefined, { compiler: 'official' });
    const rows = () => page.querySelectorAll('.role-text').map((r) => (r.dom as HTMLElement).textContent?.trim());
    await waitFor(() => rows().length === 20, 'the first page', 30000);
    expect(rows()[0]).toBe('泽库县总工会 · page-zeku-24');
    expect(textOf(page, '.list-end')).toContain('加载更多');

    (page.instance as unknown as { onReachBottom(): void }).onReachBottom();
    await waitFor(() => rows().length === 25, 'the next page', 30000);
    expect(rows()[24]).toBe('泽库县总工会 · page-zeku-00');
    expect(new Set(rows()).size).toBe(25);
    expect(textOf(page, '.list-end')).toBe('已经到底了');
  });
});
