import path from 'node:path';
import { actAs } from './harness/pageCloud';
import { fire, renderPage, tap, typeInto, waitFor } from './harness/renderPage';
import { callAction as call } from './harness/callAction';

jest.setTimeout(90000);

type Wx = Record<string, unknown> & { cloud: Record<string, (options: never) => Promise<unknown>> };
// The simulator replaces global.wx with its own copy at each load: always reach the current one.
const wxApi = () => (globalThis as unknown as { wx: Wx }).wx;
const sampleImage = path.resolve(__dirname, '../../miniprogram/images/tab/me-active.png');

/**
 * WeChat for a new worker on this phone: the privacy agreement (not given unless said), local
 * storage, navigation, and a record of every privacy-scoped call and upload the page makes.
 */
function phone(options: { privacyAgreed: boolean }) {
  const state = { privacyAgreed: options.privacyAgreed, storage: new Map<string, unknown>(), uploads: [] as string[], backs: 0, navigations: [] as string[] };
  const cloud = wxApi().cloud;
  const upload = cloud.uploadFile.bind(cloud);
  Object.assign(cloud, {
    uploadFile: (o: { cloudPath: string; filePath: string }) => {
      if (!state.privacyAgreed) throw new Error('uploadFile of an avatar before privacy consent');
      state.uploads.push(o.cloudPath);
      return upload(o as never);
    },
  });
  Object.assign(wxApi(), {
    getPrivacySetting: ({ success }: { success(r: { needAuthorization: boolean; privacyContractName: string }): void }) => success({ needAuthorization: !state.privacyAgreed, privacyContractName: '《职工之家隐私保护指引》' }),
    getStorageSync: (key: string) => state.storage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => void state.storage.set(key, value),
    navigateBack: () => {
      state.backs += 1;
    },
    navigateTo: (o: { url: string }) => void state.navigations.push(o.url),
    showToast: () => undefined,
  });
  return state;
}

const open = () => renderPage('pages/onboarding/index', undefined, { compiler: 'official' });

describe('first run: onboarding', () => {
  test('before the privacy agreement nothing privacy-scoped is on the page; agreeing brings the avatar button and the nickname keyboard', async () => {
    actAs('page-onboard-1');
    const wx = phone({ privacyAgreed: false });
    const page = open();
    await waitFor(() => page.data.loading === false, 'the page to load', 30000);
    const popup = () => page.querySelector('.privacy-popup');
    await waitFor(() => popup()?.data.visible === true, 'the privacy popup on the first visit');
    expect(page.querySelector('.avatar-button')).toBeFalsy();
    expect(page.querySelector('.nickname-input')).toBeFalsy();
    expect(page.querySelector('.nickname-locked')).toBeTruthy();
    expect(wx.uploads).toEqual([]);

    wx.privacyAgreed = true;
    (popup()?.instance as unknown as { onAgree(): void }).onAgree();
    await waitFor(() => page.data.privacyAgreed === true, 'the agreement');
    expect(page.querySelector('.avatar-button')).toBeTruthy();
    expect(page.querySelector('.nickname-input')?.data.type).toBe('nickname');
  });

  test('a new worker sets an avatar (checked before it shows), a nickname and asks to join a union; the first-run page then never opens again', async () => {
    actAs('page-onboard-2');
    const wx = phone({ privacyAgreed: true });
    // The 学习 home's call: a new worker is sent here once.
    const { openOnboardingIfNew } = await import('../../miniprogram/services/onboarding');
    expect(await openOnboardingIfNew()).toBe(true);
    expect(wx.navigations).toEqual(['/pages/onboarding/index']);

    const page = open();
    await waitFor(() => page.data.loading === false && page.querySelector('.avatar-button') !== undefined, 'the page', 30000);
    fire(page, '.avatar-button', 'chooseavatar', { avatarUrl: sampleImage });
    await waitFor(() => (page.data.profile as { avatarPending: boolean } | null)?.avatarPending === true, 'the avatar to be uploaded and checked');
    expect(wx.uploads).toHaveLength(1);
    expect(wx.uploads[0]).toMatch(/^requests\/page-onboard-2\/avatar-\d+\.png$/);
    expect(page.data.avatarNote).toBe('头像审核中,通过后显示');

    typeInto(page, '.nickname-input', '柴达木巡线工');
    (page.instance as unknown as { onOrgPicked(event: unknown): void }).onOrgPicked({ detail: { value: 'qh-haixi', selectedOptions: [] } });
    await waitFor(() => page.data.orgLabel !== '请选择', 'the chosen union');
    tap(page, '.finish-button');
    await waitFor(() => wx.storage.get('onboarding') === 'done', 'the first run to finish');
    await waitFor(() => wx.backs === 1, 'the way back to the home');

    const profile = await call<{ nickname: string; nicknameChosen: boolean; avatarFileId: string | null; avatarPending: boolean; joinRequest: { orgId: string; status: string } | null }>('account', 'getProfile', {});
    expect(profile).toMatchObject({ nickname: '柴达木巡线工', nicknameChosen: true, avatarFileId: null, avatarPending: true, joinRequest: { orgId: 'qh-haixi', status: 'pending' } });

    wx.navigations.length = 0;
    expect(await openOnboardingIfNew()).toBe(false);
    expect(wx.navigations).toEqual([]);
  });

  test('a nickname the text check refuses is not saved and the page stays', async () => {
    actAs('page-onboard-3');
    const wx = phone({ privacyAgreed: true });
    const page = open();
    await waitFor(() => page.data.loading === false && !!page.querySelector('.nickname-input'), 'the page', 30000);
    typeInto(page, '.nickname-input', '网络赌博');
    tap(page, '.finish-button');
    await waitFor(() => page.data.saving === false && page.data.nickname === '网络赌博', 'the refusal');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(wx.storage.get('onboarding')).toBeUndefined();
    expect(wx.backs).toBe(0);
    expect(await call<{ nicknameChosen: boolean }>('account', 'getProfile', {})).toMatchObject({ nicknameChosen: false });
  });

  test('the 学习 home sends a new worker to the first-run page', async () => {
    actAs('page-onboard-5');
    const wx = phone({ privacyAgreed: true });
    const home = renderPage('pages/study/index', undefined, { compiler: 'official' });
    await waitFor(() => wx.navigations.length === 1, 'the way to the first-run page', 30000);
    expect(wx.navigations).toEqual(['/pages/onboarding/index']);
    expect(home.data).toBeTruthy();
  });

  test('跳过 leaves without writing anything, and the 学习 home does not send the worker back', async () => {
    actAs('page-onboard-4');
    const wx = phone({ privacyAgreed: true });
    const page = open();
    await waitFor(() => page.data.loading === false, 'the page', 30000);
    tap(page, '.skip-button');
    expect(wx.storage.get('onboarding')).toBe('skipped');
    expect(wx.backs).toBe(1);
    expect(wx.uploads).toEqual([]);
    const profile = await call<{ nicknameChosen: boolean; joinRequest: unknown; avatarPending: boolean }>('account', 'getProfile', {});
    expect(profile).toMatchObject({ nicknameChosen: false, joinRequest: null, avatarPending: false });
    const { openOnboardingIfNew } = await import('../../miniprogram/services/onboarding');
    expect(await openOnboardingIfNew()).toBe(false);
    expect(wx.navigations).toEqual([]);
  });
});
