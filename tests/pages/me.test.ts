import { actAs, insertDocument } from './harness/pageCloud';
import { renderPage, tap, textOf, typeInto, waitFor } from './harness/renderPage';

jest.setTimeout(60000);

type Wx = Record<string, unknown>;
const wxApi = () => (globalThis as unknown as { wx: Wx }).wx;

/** WeChat's privacy setting: agreed or not (the 我的 page's avatar button and nickname keyboard depend on it). */
function privacyAgreed(agreed: boolean): void {
  Object.assign(wxApi(), {
    getPrivacySetting: ({ success }: { success(res: { needAuthorization: boolean; privacyContractName: string }): void }) => success({ needAuthorization: !agreed, privacyContractName: '《职工之家隐私保护指引》' }),
  });
}

const open = (query?: Record<string, string>) => renderPage('pages/me/index', query, { compiler: 'official' });

describe('我的 page', () => {
  test('a new worker sees the default nickname, picks a union in the cascader and a nickname, saves: the nickname is kept and the union is asked for, awaiting a cadre', async () => {
    privacyAgreed(true);
    actAs('worker-me-1');
    const page = open();
    await waitFor(() => textOf(page, '.profile-nickname') === '职工', 'the profile to load', 30000);
    expect(textOf(page, '.profile-org')).toBe('尚未加入工会组织');

    // The cascader holds the seeded tree: the provincial federation, its city unions below.
    const options = page.data.orgOptions as Array<{ label: string; children?: Array<{ label: string; value: string }> }>;
    expect(options[0].label).toBe('青海省总工会');
    expect(options[0].children?.map((c) => c.label)).toContain('西宁市总工会');

    tap(page, '.org-cell');
    await waitFor(() => page.data.orgPickerVisible === true, 'the cascader to open');
    // t-cascader's change event, as the component emits it when a leaf is chosen.
    (page.instance as unknown as { onOrgPicked(event: unknown): void }).onOrgPicked({ detail: { value: 'qh-xining', selectedOptions: [] } });
    await waitFor(() => page.data.orgLabel === '西宁市总工会' && page.data.orgPickerVisible === false, 'the chosen union');

    typeInto(page, '.nickname-input', '高原焊工');
    tap(page, '.save-button');

    await waitFor(() => textOf(page, '.saved-text') === '已保存', 'the save to finish');
    expect(textOf(page, '.profile-nickname')).toBe('高原焊工');
    expect(textOf(page, '.profile-org')).toBe('尚未加入工会组织');
    expect(textOf(page, '.join-state')).toBe('已申请加入西宁市总工会,等待工会干部审核');

    // A second visit reads the same profile back from the database.
    const again = open();
    await waitFor(() => textOf(again, '.profile-nickname') === '高原焊工', 'the saved profile on a new visit');
    expect(textOf(again, '.join-state')).toBe('已申请加入西宁市总工会,等待工会干部审核');
  });

  test('a nickname that fails the content check is refused with a message and not stored', async () => {
    privacyAgreed(true);
    actAs('worker-me-2');
    const page = open();
    await waitFor(() => textOf(page, '.profile-nickname') === '职工', 'the profile to load');
    typeInto(page, '.nickname-input', '网络赌博');
    tap(page, '.save-button');
    await waitFor(() => textOf(page, '.error-text') !== '', 'the refusal');
    expect(textOf(page, '.error-text')).toContain('安全检查');
    expect(textOf(page, '.profile-nickname')).toBe('职工');
  });

  test('before the privacy agreement there is no chooseAvatar button and no nickname keyboard; agreeing brings both', async () => {
    privacyAgreed(false);
    actAs('worker-me-3');
    const page = open();
    await waitFor(() => page.data.profile !== null, 'the profile');
    expect(page.querySelector('.avatar-button')).toBeFalsy();
    expect(page.querySelector('.avatar-ask')).toBeTruthy();
    expect(page.querySelector('.nickname-input')?.data.type).toBe('text');

    tap(page, '.avatar-ask');
    const popup = () => page.querySelector('.privacy-popup');
    await waitFor(() => popup()?.data.visible === true, 'the privacy popup');
    privacyAgreed(true);
    tap(page, '.privacy-popup >>> .privacy-agree');
    (popup()?.instance as unknown as { onAgree(): void }).onAgree();
    await waitFor(() => page.data.privacyAgreed === true, 'the agreement');
    expect(page.querySelector('.avatar-button')).toBeTruthy();
    expect(page.querySelector('.nickname-input')?.data.type).toBe('nickname');
  });

  test('the points history pages ten at a time with 查看更多, losing none awarded in the same millisecond across a break, and pull-down refresh reloads the page', async () => {
    privacyAgreed(true);
    const openid = 'worker-me-4';
    const start = Date.UTC(2026, 10, 1, 2, 0, 0);
    // Newest first, s-13 and s-12 share a millisecond and straddle the first page break (the id orders them).
    for (let i = 0; i < 23; i += 1) {
      await insertDocument('points_ledger', { _id: `${openid}|reading|s-${i}`, openid, source: 'reading', sourceId: `s-${i}`, points: 2, asked: 2, day: '2026-11-01', week: '2026-W44', createdAt: { $date: new Date(start + (i === 12 ? 13 : i) * 60000).toISOString() } });
    }
    actAs(openid);
    const page = open();
    const rows = () => page.querySelectorAll('.history-row').length;
    await waitFor(() => rows() === 10, 'the first page of the history', 30000);
    expect((page.data.history as Array<{ what: string; points: string }>)[0]).toMatchObject({ what: '阅读红色故事', points: '+2' });
    tap(page, '.history-more-button');
    await waitFor(() => rows() === 20, 'the second page');
    tap(page, '.history-more-button');
    await waitFor(() => rows() === 23, 'the last page');
    expect(page.querySelector('.history-more-button')).toBeFalsy();
    expect((page.data.history as Array<{ id: string }>).map((h) => h.id)).toEqual(Array.from({ length: 23 }, (_, n) => `${openid}|reading|s-${22 - n}`));

    let stopped = 0;
    Object.assign(wxApi(), { stopPullDownRefresh: () => (stopped += 1) });
    await (page.instance as unknown as { onPullDownRefresh(): Promise<void> }).onPullDownRefresh();
    expect(stopped).toBe(1);
    expect(rows()).toBe(10);
  });
});

describe('我的 page: the worker’s own lists', () => {
  test('我的服务 opens 背题 and 我的纠错', async () => {
    privacyAgreed(true);
    actAs('worker-me-5');
    const page = open();
    await waitFor(() => page.data.profile !== null, 'the profile');
    const opened: string[] = [];
    Object.assign(wxApi(), { navigateTo: ({ url }: { url: string }) => void opened.push(url) });
    tap(page, '.study-entry');
    tap(page, '.reports-entry');
    expect(opened).toEqual(['/pages/quiz/study/index?history=party', '/pages/quiz/reports/index']);
  });
});

describe('我的 page without network', () => {
  test('the header claims nothing (— for name, union and points), an empty state offers 重新加载, and the settings stay; the retry loads the profile', async () => {
    privacyAgreed(true);
    const openid = 'worker-me-offline';
    // A member with points: offline, 我的 must not say 尚未加入工会组织 or 0 积分.
    await insertDocument('points_ledger', { _id: `${openid}|reading|s-1`, openid, source: 'reading', sourceId: 's-1', points: 2, asked: 2, day: '2026-11-01', week: '2026-W44', createdAt: { $date: new Date().toISOString() } });
    actAs(openid);
    const cloud = wxApi().cloud as { callFunction: unknown };
    const working = cloud.callFunction;
    cloud.callFunction = () => Promise.reject(new Error('offline'));
    const page = open();
    expect(page.querySelector('.me-skeleton')).toBeTruthy();
    await waitFor(() => page.data.loading === false, 'the error state', 30000);
    expect(textOf(page, '.profile-nickname')).toBe('—');
    expect(textOf(page, '.profile-org')).toBe('—');
    expect(textOf(page, '.points-number')).toBe('—');
    expect(textOf(page, '.state-error')).toContain('网络不给力');
    expect(page.querySelector('.settings')).toBeTruthy();
    expect(page.querySelector('.elder-switch')).toBeTruthy();
    expect(page.querySelector('.privacy-guide')).toBeTruthy();
    expect(page.querySelector('.save-button')).toBeFalsy();

    cloud.callFunction = working;
    tap(page, '.retry-button');
    await waitFor(() => page.data.profile !== null, 'the profile after 重新加载');
    expect(page.querySelector('.state-error')).toBeFalsy();
    expect(textOf(page, '.profile-nickname')).toBe('职工');
    expect(textOf(page, '.points-number')).not.toBe('—');
    expect(page.querySelector('.settings')).toBeTruthy();

    // A pull-down that fails keeps the profile shown and says why in a toast.
    Object.assign(wxApi(), { stopPullDownRefresh: () => undefined });
    cloud.callFunction = () => Promise.reject(new Error('offline'));
    await (page.instance as unknown as { onPullDownRefresh(): Promise<void> }).onPullDownRefresh();
    cloud.callFunction = working;
    expect(textOf(page, '.profile-nickname')).toBe('职工');
    expect(page.querySelector('.state-error')).toBeFalsy();
    expect((page.querySelector('#t-toast')?.data as { message?: string }).message).toContain('网络不给力');
  });

  test('长辈模式 is a t-switch: turning it on keeps the choice on the phone and enlarges the page; the named control for screen readers turns it off', async () => {
    actAs('worker-me-elder');
    const page = open();
    await waitFor(() => page.data.profile !== null, 'the profile', 30000);
    const getStorage = wxApi().getStorageSync as (key: string) => unknown;
    tap(page, '.elder-switch');
    await waitFor(() => page.data.elder === true, 'the switch on');
    expect(page.querySelector('.elder-switch')?.data.value).toBe(true);
    expect(page.data.elderClass).toBe('elder');
    expect(getStorage('elderMode')).toBe(true);
    tap(page, '.elder-toggle');
    await waitFor(() => page.data.elder === false, 'the switch off');
    expect(getStorage('elderMode')).toBe(false);
    expect(page.querySelector('.elder-switch')?.data.value).toBe(false);
  });
});
