import { subscribeTemplates } from '../../miniprogram/config/subscribeTemplates';
import { actAs, insertDocument, subscriptionDialogs } from './harness/pageCloud';
import { renderPage, tap, tapItem, textOf, typeInto, waitFor } from './harness/renderPage';

jest.setTimeout(90000);

const wxGlobal = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
wxGlobal.navigateTo = () => undefined;

type Page = ReturnType<typeof renderPage>;

function cards(page: Page): Array<{ id: string; history: string }> {
  return page.data.items as Array<{ id: string; history: string }>;
}

describe('学习: 背题 and 纠错', () => {
  test('背题 shows questions with the right options marked, ten at a time, per history, and refreshes on pull-down', async () => {
    actAs('page-study-1');
    const page = renderPage('pages/quiz/study/index', { history: 'party' }, { compiler: 'official' });
    await waitFor(() => !page.data.loading && page.querySelectorAll('.study-card').length === 10, 'the first ten cards');
    expect(textOf(page, '.summary')).toMatch(/^共 \d+ 题/);
    expect(page.querySelectorAll('.card-option-right').length).toBeGreaterThanOrEqual(10);
    expect(textOf(page, '.card-explanation')).toMatch(/^解析:.+。$/);
    expect(textOf(page, '.card-source')).toMatch(/^出处:.+/);

    (page.instance as unknown as { onReachBottom(): void }).onReachBottom();
    await waitFor(() => page.querySelectorAll('.study-card').length === 20, 'the next ten cards');
    expect(new Set(cards(page).map((c) => c.id)).size).toBe(20);

    tapItem(page, '.history-tabs', 't-tabs__item', 4);
    await waitFor(() => page.data.history === 'labor' && !page.data.loading && cards(page).length === 10, 'the 中国工运史 cards');
    expect(cards(page).every((c) => c.history === 'labor')).toBe(true);

    (page.instance as unknown as { onReachBottom(): void }).onReachBottom();
    await waitFor(() => cards(page).length === 20, 'a second page of 工运史');
    await (page.instance as unknown as { onPullDownRefresh(): Promise<void> }).onPullDownRefresh();
    expect(cards(page)).toHaveLength(10);
  });

  test('a worker reports a card with a reason and a note, sees it marked, and finds it in 我的纠错 with an editor’s earlier answer', async () => {
    const worker = 'page-report-1';
    // An earlier report an editor has already answered.
    await insertDocument('questionReports', { _id: `prc-001:${worker}:1`, questionId: 'prc-001', openid: worker, reason: 'answer', note: '答案好像不对', status: 'rejected', reply: '经核对,答案与出处一致', createdAt: { $date: '2026-11-20T02:00:00.000Z' }, closedAt: { $date: '2026-11-21T02:00:00.000Z' }, closedBy: 'editor-1' });
    actAs(worker);
    const page = renderPage('pages/quiz/study/index', { history: 'reform' }, { compiler: 'official' });
    await waitFor(() => !page.data.loading && cards(page).length > 0, 'the cards');
    const first = cards(page)[0]?.id ?? '';
    tap(page, `.report-${first}`);
    await waitFor(() => page.data.reportFor === first, 'the 纠错 sheet');

    // Without a reason the sheet says what is missing and sends nothing.
    const sheet = page.querySelector('.report-popup') as unknown as { data: { error: string } };
    tapItem(page, '.report-popup', 't-button', 1);
    await waitFor(() => sheet.data.error === '请选择问题类型', 'the sheet to ask for a reason');
    tapItem(page, '.report-popup', 't-radio', 1);
    typeInto(page, '.report-popup', '解析中的年份与出处不一致');
    tapItem(page, '.report-popup', 't-button', 1);
    await waitFor(() => (page.data.reported as Record<string, boolean>)[first] === true, 'the report to be filed');
    expect(page.data.reportFor).toBe('');
    expect(textOf(page, '.card-actions')).toBe('已纠错');
    // Sending asked, in the tap, for one push of the editor's answer (the refused first tap asked nothing).
    expect(subscriptionDialogs).toEqual([[subscribeTemplates.reportOutcome]]);

    const mine = renderPage('pages/quiz/reports/index', undefined, { compiler: 'official' });
    await waitFor(() => !mine.data.loading && mine.querySelectorAll('.report-item').length === 2, 'both reports');
    expect(textOf(mine, '.report-open .report-reason')).toBe('解析有误:解析中的年份与出处不一致');
    expect(textOf(mine, '.report-rejected .report-reply')).toBe('编辑答复:经核对,答案与出处一致');
    expect(textOf(mine, '.report-open')).toContain('核实中');
    expect(textOf(mine, '.report-rejected')).toContain('未采纳');
  });

  test('背题 with nothing to read for a history offers 去专项练习 in that history', async () => {
    actAs('page-study-empty');
    // Every question of a history can be sealed for a contest: the server then answers an empty pool.
    const cloud = wxGlobal.cloud as { callFunction(options: { name: string; data: { action: string } }): Promise<unknown> };
    const working = cloud.callFunction;
    cloud.callFunction = (options) => (options.data.action === 'browseQuestions' ? Promise.resolve({ result: { ok: true, data: { items: [], nextCursor: null, total: 0 } } }) : working(options));
    const opened: string[] = [];
    const page = renderPage('pages/quiz/study/index', { history: 'labor' }, { compiler: 'official' });
    // The wx the page calls (the simulator's, current once a page is rendered).
    const wxNow = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
    wxNow.navigateTo = (options: { url: string }) => opened.push(options.url);
    await waitFor(() => !page.data.loading, 'the empty pool', 30000);
    cloud.callFunction = working;
    expect(page.querySelector('.study-empty')).toBeTruthy();
    tap(page, '.practice-button');
    wxNow.navigateTo = () => undefined;
    expect(opened).toEqual(['/pages/quiz/practice/index?from=history&history=labor']);
  });

  test('背题 without network says so with 重新加载, which brings the cards', async () => {
    actAs('page-study-offline');
    const cloud = wxGlobal.cloud as { callFunction(options: { name: string; data: { action: string } }): Promise<unknown> };
    const working = cloud.callFunction;
    cloud.callFunction = () => Promise.reject(new Error('request:fail offline'));
    const page = renderPage('pages/quiz/study/index', { history: 'party' }, { compiler: 'official' });
    await waitFor(() => !page.data.loading && Boolean(page.querySelector('.state-error')), 'the error state', 30000);
    cloud.callFunction = working;
    expect(textOf(page, '.state-error')).toContain('网络');
    expect(textOf(page, '.state-error')).toContain('重新加载');
    expect(page.querySelector('.study-card')).toBeFalsy();
    tap(page, '.retry-button');
    await waitFor(() => !page.data.loading && page.querySelectorAll('.study-card').length === 10, 'the cards after 重新加载');
    expect(page.querySelector('.state-error')).toBeFalsy();
  });

  test('我的纠错 is empty before any report and offers 背题', async () => {
    actAs('page-report-none');
    const page = renderPage('pages/quiz/reports/index', undefined, { compiler: 'official' });
    await waitFor(() => !page.data.loading, 'the empty list');
    expect(page.querySelector('.reports-empty')).toBeTruthy();
  });
});
