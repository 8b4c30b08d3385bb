import { categoryIcons } from '../../miniprogram/services/requestCategories';
import { actAs, grantRole } from './harness/pageCloud';
import { renderPage, tap, textOf, waitFor } from './harness/renderPage';

jest.setTimeout(90000);

type Wx = Record<string, unknown> & { cloud: { callFunction(options: { name: string; data: unknown }): Promise<{ result: unknown }> } };
const wxApi = () => (globalThis as unknown as { wx: Wx }).wx;
type Page = ReturnType<typeof renderPage>;

const opened: string[] = [];
let stopped = 0;

beforeEach(() => {
  opened.length = 0;
  stopped = 0;
  Object.assign(wxApi(), { navigateTo: ({ url }: { url: string }) => void opened.push(url), stopPullDownRefresh: () => void (stopped += 1) });
});

const openService = () => renderPage('pages/service/index', undefined, { compiler: 'official' });
const loaded = (page: Page) => page.data.loaded === true && page.data.loading === false;
const toastOf = (page: Page) => (page.querySelector('#t-toast')?.data as { message?: string } | undefined)?.message;

let filed = 0;

async function fileRequest(openid: string, title: string): Promise<void> {
  filed += 1;
  actAs(openid);
  const input = { category: 'legalAid', orgId: 'qh-xining', title, description: '单位到期不续签也不给补偿。', contactName: '马师傅', contactMobile: '13812341234', place: '', photos: [], clientRequestId: `${openid}-${filed}` };
  const { result } = await wxApi().cloud.callFunction({ name: 'requests', data: { action: 'submit', input } });
  if (!(result as { ok: boolean }).ok) throw new Error(`submit: ${JSON.stringify(result)}`);
}

describe('办实事 tab', () => {
  test('a skeleton while loading, then the categories with the form’s icons, a 我的诉求 card and no cadre entry for a worker', async () => {
    actAs('page-service-1');
    const page = openService();
    expect(page.querySelector('.service-skeleton')).toBeTruthy();
    expect(page.querySelector('.category-grid')).toBeFalsy();
    await waitFor(() => loaded(page), 'the tab', 30000);
    expect(page.querySelector('.service-skeleton')).toBeFalsy();

    const cells = page.data.categories as Array<{ key: keyof typeof categoryIcons; label: string; lines: string[]; icon: string }>;
    expect(cells).toHaveLength(Object.keys(categoryIcons).length);
    expect(cells.every((c) => c.icon === categoryIcons[c.key])).toBe(true);
    expect(page.querySelectorAll('.category-label').map((label) => (label.dom as HTMLElement).textContent)).toEqual(cells.map((c) => c.lines.join('')));
    // A label in two parts shows on two lines, so no cell runs into the next.
    expect(cells.find((c) => c.key === 'safety')?.lines).toEqual(['劳动保护', '安全生产']);
    expect(cells.find((c) => c.key === 'migrantWages')?.label).toBe('农民工服务·欠薪');
    expect(page.data.latest).toBeNull();
    expect(page.querySelector('.no-request')).toBeTruthy();
    expect(page.querySelector('.cadre-entry')).toBeFalsy();

    tap(page, '.category-migrantWages');
    tap(page, '.file-button');
    tap(page, '.all-requests');
    expect(opened).toEqual(['/pages/requests/form/index?category=migrantWages', '/pages/requests/form/index', '/pages/requests/list/index']);
  });

  test('the card shows the newest request and its status; pull-down refresh brings a request filed meanwhile, with a toast', async () => {
    const openid = 'page-service-2';
    await fileRequest(openid, '劳动合同到期不续签');
    actAs(openid);
    const page = openService();
    await waitFor(() => loaded(page), 'the tab', 30000);
    expect(page.data.latest).toMatchObject({ title: '劳动合同到期不续签', categoryLabel: '法律援助·劳动争议', statusLabel: '待受理', tagTheme: 'warning' });
    expect((page.data.latest as { timeText: string }).timeText).toMatch(/^今天 \d\d:\d\d$/);
    expect(textOf(page, '.latest-tags')).toBe('待受理');

    await fileRequest(openid, '加班费没有发放');
    actAs(openid);
    await (page.instance as unknown as { onPullDownRefresh(): Promise<void> }).onPullDownRefresh();
    expect(stopped).toBe(1);
    expect(page.data.latest).toMatchObject({ title: '加班费没有发放', statusLabel: '待受理' });
    expect(toastOf(page)).toBe('已刷新');
    tap(page, '.latest-request');
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatch(/^\/pages\/requests\/detail\/index\?requestId=.+/);
  });

  test('without network: 重新加载 in an empty state, which loads the tab; a failed pull-down keeps what is shown and says so', async () => {
    actAs('page-service-3');
    const cloud = wxApi().cloud;
    const working = cloud.callFunction;
    cloud.callFunction = () => Promise.reject(new Error('offline'));
    const page = openService();
    await waitFor(() => page.data.loading === false, 'the error state', 30000);
    expect(textOf(page, '.state-error')).toContain('网络不给力');
    expect(page.querySelector('.category-grid')).toBeFalsy();

    cloud.callFunction = working;
    tap(page, '.retry-button');
    await waitFor(() => loaded(page), 'the retry');
    expect(page.querySelector('.state-error')).toBeFalsy();
    expect(page.querySelector('.category-grid')).toBeTruthy();

    cloud.callFunction = () => Promise.reject(new Error('offline'));
    await (page.instance as unknown as { onPullDownRefresh(): Promise<void> }).onPullDownRefresh();
    cloud.callFunction = working;
    expect(stopped).toBe(1);
    expect(page.querySelector('.category-grid')).toBeTruthy();
    expect(toastOf(page)).toContain('网络不给力');
  });

  test('诉求受理 shows only to those who handle requests: a cadre and an admin, not an editor', async () => {
    await grantRole('page-service-cadre', 'qh-xining', 'cadre');
    await grantRole('page-service-admin', 'qh-xining', 'admin');
    await grantRole('page-service-editor', null, 'editor');
    for (const [openid, shown] of [['page-service-cadre', true], ['page-service-admin', true], ['page-service-editor', false]] as const) {
      actAs(openid);
      const page = openService();
      await waitFor(() => loaded(page), `the tab for ${openid}`, 30000);
      expect([openid, Boolean(page.querySelector('.cadre-entry'))]).toEqual([openid, shown]);
      if (shown) {
        tap(page, '.cadre-entry');
        expect(opened[opened.length - 1]).toBe('/cadre/requests/queue/index');
      }
    }
  });
});
