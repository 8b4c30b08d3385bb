import { actAs, grantRole, insertDocument } from './harness/pageCloud';
import { renderPage, tap, tapItem, textOf, typeInto, waitFor } from './harness/renderPage';

jest.setTimeout(90000);

type Wx = Record<string, unknown>;
const wxApi = () => (globalThis as unknown as { wx: Wx }).wx;
type Page = ReturnType<typeof renderPage>;
type Card = { id: string; title: string; status: string; statusLabel: string; closedText: string; startsAt: string; endsAt: string; mayClose: boolean };

const hour = 3_600_000;
const at = (ms: number) => ({ $date: new Date(ms).toISOString() });

/** A stored contest of `createdBy`, starting `startsIn` from now and running `runs`. */
function storedContest(createdBy: string, id: string, title: string, startsIn: number, runs = 2 * hour, orgIds = ['qh-hainan']): Record<string, unknown> {
  const now = Date.now();
  return {
    _id: id, title, startsAt: at(now + startsIn), endsAt: at(now + startsIn + runs), histories: ['party'], questionCount: 10, timeLimitSeconds: 300,
    orgIds, createdBy, createdAt: at(now),
  };
}

const cards = (page: Page) => page.data.items as Card[];
const toastOf = (page: Page) => (page.querySelector('#t-toast')?.data as { message?: string } | undefined)?.message;
const dialogOf = (page: Page) => page.data.dialog as { visible: boolean; title: string; content: string };
function answerDialog(page: Page, button: 'confirm' | 'cancel'): void {
  tapItem(page, '.confirm-dialog', 't-dialog-button', button === 'cancel' ? 0 : 1);
}

describe('竞赛管理 (cadre subpackage)', () => {
  test('a cadre pages through 23 contests, latest start first, ten at a time; pull-down refresh starts again', async () => {
    const cadre = 'page-contests-many';
    // Contest n started n hours ago: the list shows 0, 1, 2, … .
    for (let n = 0; n < 23; n += 1) await insertDocument('contests', storedContest(cadre, `pc-many-${String(n).padStart(2, '0')}`, `竞赛 ${n}`, -n * hour, 30 * hour));
    await grantRole(cadre, 'qh-hainan');
    actAs(cadre);
    const page = renderPage('cadre/contests/index', undefined, { compiler: 'official' });
    await waitFor(() => cards(page).length === 10, 'the first page', 30000);
    expect(cards(page).map((c) => c.title).slice(0, 3)).toEqual(['竞赛 0', '竞赛 1', '竞赛 2']);
    expect(page.querySelectorAll('.contest-card')).toHaveLength(10);
    tap(page, '.more-button');
    await waitFor(() => cards(page).length === 20, 'the second page');
    (page.instance as unknown as { onReachBottom(): void }).onReachBottom();
    await waitFor(() => cards(page).length === 23, 'the whole list');
    expect(new Set(cards(page).map((c) => c.id)).size).toBe(23);
    expect(cards(page)[22]?.title).toBe('竞赛 22');
    expect(page.querySelector('.more-button')).toBeFalsy();
    expect(textOf(page, '.end-text')).toBe('没有更多了');

    let stopped = 0;
    Object.assign(wxApi(), { stopPullDownRefresh: () => (stopped += 1) });
    await (page.instance as unknown as { onPullDownRefresh(): Promise<void> }).onPullDownRefresh();
    expect(stopped).toBe(1);
    expect(cards(page)).toHaveLength(10);
    expect(toastOf(page)).toBe('已刷新');
  });

  test('each card says 未开始, 进行中 or 已结束 with the window and counts; only a running one offers 结束竞赛', async () => {
    const cadre = 'page-contests-status';
    await insertDocument('contests', storedContest(cadre, 'pc-status-up', '下周的竞赛', 24 * hour));
    await insertDocument('contests', storedContest(cadre, 'pc-status-run', '正在进行的竞赛', -hour));
    await insertDocument('contests', storedContest(cadre, 'pc-status-end', '上月的竞赛', -72 * hour));
    await grantRole(cadre, 'qh-hainan');
    actAs(cadre);
    const page = renderPage('cadre/contests/index', undefined, { compiler: 'official' });
    await waitFor(() => cards(page).length === 3, 'the contests', 30000);
    expect(cards(page).map((c) => [c.title, c.statusLabel])).toEqual([['下周的竞赛', '未开始'], ['正在进行的竞赛', '进行中'], ['上月的竞赛', '已结束']]);
    expect(textOf(page, '.card-head')).toBe('下周的竞赛未开始');
    expect(textOf(page, '.contest-counts')).toBe('10 题 · 参与 0 人');
    expect(textOf(page, '.contest-window')).toMatch(/^\d+月\d+日 \d\d:\d\d 至 \d+月\d+日 \d\d:\d\d$/);
    expect(page.querySelectorAll('.close-button')).toHaveLength(1);

    tap(page, '.participation-button');
    await waitFor(() => textOf(page, '.participation-total') === '参与 0 人', 'the participation');
    expect(textOf(page, '.participation-none')).toBe('还没有人交卷');
  });

  test('结束竞赛 asks first; cancelling changes nothing, confirming ends it at once and says so', async () => {
    const cadre = 'page-contests-close';
    await insertDocument('contests', storedContest(cadre, 'pc-close-run', '要提前结束的竞赛', -hour));
    await grantRole(cadre, 'qh-hainan');
    actAs(cadre);
    const page = renderPage('cadre/contests/index', undefined, { compiler: 'official' });
    await waitFor(() => cards(page).length === 1, 'the contest', 30000);

    tap(page, '.close-button');
    await waitFor(() => dialogOf(page).visible, 'the confirmation');
    expect(dialogOf(page).title).toBe('提前结束竞赛?');
    expect(dialogOf(page).content).toContain('要提前结束的竞赛');
    expect(dialogOf(page).content).toContain('不能撤销');
    answerDialog(page, 'cancel');
    await waitFor(() => !dialogOf(page).visible, 'the dialog to close');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(cards(page)[0]?.status).toBe('running');

    tap(page, '.close-button');
    await waitFor(() => dialogOf(page).visible, 'the confirmation again');
    answerDialog(page, 'confirm');
    await waitFor(() => cards(page)[0]?.status === 'ended', 'the contest to end');
    expect(toastOf(page)).toBe('竞赛已结束');
    expect(textOf(page, '.card-head')).toBe('要提前结束的竞赛已结束');
    expect(textOf(page, '.contest-closed')).toMatch(/^已于 \d+月\d+日 \d\d:\d\d 提前结束$/);
    expect(page.querySelector('.close-button')).toBeFalsy();

    // The server holds it ended: a fresh page says so too.
    const again = renderPage('cadre/contests/index', undefined, { compiler: 'official' });
    await waitFor(() => cards(again).length === 1, 'the list again', 30000);
    expect(cards(again)[0]).toMatchObject({ status: 'ended', statusLabel: '已结束' });
    expect(cards(again)[0]?.closedText).not.toBe('');
  });

  test('a cadre with no contest sees the empty state, creates one from it and finds it in the list', async () => {
    const cadre = 'page-contests-empty';
    await grantRole(cadre, 'qh-hainan');
    actAs(cadre);
    const page = renderPage('cadre/contests/index', undefined, { compiler: 'official' });
    await waitFor(() => page.data.loading === false && page.data.orgId === 'qh-hainan', 'the empty list', 30000);
    expect(page.querySelector('.contests-empty')).toBeTruthy();
    // Not an admin: only their own contests, no 我创建的 / 我管辖的 switch.
    expect(page.querySelector('.scope-tabs')).toBeFalsy();
    tap(page, '.empty-create-button');
    await waitFor(() => page.data.formVisible === true, 'the form');
    typeInto(page, '.title-input', '海南州读四史知识竞赛');
    // The three lengths are in sight; a week is chosen until the cadre taps another.
    expect(page.querySelectorAll('.duration-choice')).toHaveLength(3);
    expect(page.data.durationDays).toBe(7);
    tapItem(page, '.duration-choices', 't-radio', 1);
    await waitFor(() => page.data.durationDays === 3, 'three days chosen');
    tap(page, '.create-button');
    await waitFor(() => cards(page).length === 1, 'the new contest in the list');
    expect(toastOf(page)).toBe('竞赛已创建');
    expect(page.data.formVisible).toBe(false);
    expect(cards(page)[0]).toMatchObject({ title: '海南州读四史知识竞赛', status: 'running', statusLabel: '进行中' });
    const created = cards(page)[0] as Card;
    expect(new Date(created.endsAt).getTime() - new Date(created.startsAt).getTime()).toBe(3 * 24 * hour);
  });

  test('an admin switches to 我管辖的, sees other cadres’ contests of their organisations and ends one through the confirmation', async () => {
    const admin = 'page-contests-admin';
    const other = 'page-contests-haidong-cadre';
    await insertDocument('users', { _id: other, nickname: '海东干部', avatarFileId: null, orgId: 'qh-haidong', createdAt: at(Date.now()), updatedAt: at(Date.now()) });
    await insertDocument('contests', storedContest(other, 'pc-admin-other', '海东市干部的竞赛', -60_000, 2 * hour, ['qh-haidong']));
    // Also for 黄南, outside the admin's organisations: shown, but only its creator may end it.
    await insertDocument('contests', storedContest(other, 'pc-admin-shared', '海东黄南联合竞赛', -120_000, 2 * hour, ['qh-haidong', 'qh-huangnan']));
    await insertDocument('contests', storedContest(other, 'pc-admin-out', '黄南州的竞赛', -60_000, 2 * hour, ['qh-huangnan']));
    await grantRole(admin, 'qh-haidong', 'admin');
    actAs(admin);
    const page = renderPage('cadre/contests/index', undefined, { compiler: 'official' });
    await waitFor(() => page.data.loading === false && page.data.isAdmin === true, 'the admin’s own list', 30000);
    expect(page.querySelector('.contests-empty')).toBeTruthy();
    expect(textOf(page, '.head-title')).toBe('我创建的竞赛');

    tapItem(page, '.scope-tabs', 't-tabs__item', 1);
    await waitFor(() => cards(page).length === 2, 'the contests of their organisations');
    expect(page.data.scope).toBe('managed');
    expect(textOf(page, '.head-title')).toBe('我管辖的竞赛');
    expect(cards(page).map((c) => [c.id, c.mayClose])).toEqual([['pc-admin-other', true], ['pc-admin-shared', false]]);
    expect(page.querySelectorAll('.contest-creator').map((n) => (n.dom as HTMLElement).textContent?.trim())).toEqual(['创建人:海东干部', '创建人:海东干部']);
    expect(page.querySelectorAll('.close-button')).toHaveLength(1);
    expect(textOf(page, '.contest-no-close')).toBe('也面向管辖范围外的组织,只有创建人可以结束');

    tap(page, '.close-button');
    await waitFor(() => dialogOf(page).visible, 'the confirmation');
    expect(dialogOf(page).content).toContain('海东市干部的竞赛');
    answerDialog(page, 'confirm');
    await waitFor(() => cards(page)[0]?.status === 'ended', 'the contest to end');
    expect(toastOf(page)).toBe('竞赛已结束');
    expect(page.querySelector('.close-button')).toBeFalsy();

    // The server holds it ended, closed by the admin: a fresh page on 我管辖的 says so.
    const again = renderPage('cadre/contests/index', undefined, { compiler: 'official' });
    await waitFor(() => again.data.loaded === true && again.data.isAdmin === true, 'the list again', 30000);
    tapItem(again, '.scope-tabs', 't-tabs__item', 1);
    await waitFor(() => cards(again).length === 2, 'the managed list again');
    expect(cards(again)[0]).toMatchObject({ id: 'pc-admin-other', status: 'ended' });
    expect(cards(again)[0]?.closedText).not.toBe('');
  });

  test('a worker who is not a cadre sees the refusal with a retry, not an empty list', async () => {
    actAs('page-contests-worker');
    const page = renderPage('cadre/contests/index', undefined, { compiler: 'official' });
    await waitFor(() => page.data.loading === false, 'the refusal', 30000);
    expect(page.querySelector('.contests-empty')).toBeFalsy();
    expect(textOf(page, '.state-error')).toContain('工会干部');
    expect(page.querySelector('.retry-button')).toBeTruthy();
  });
});
