import { actAs } from './harness/pageCloud';
import { fire, renderPage, tap, waitFor } from './harness/renderPage';

jest.setTimeout(60000);

type Wx = Record<string, unknown>;
const wxApi = () => (globalThis as unknown as { wx: Wx }).wx;

/**
 * WeChat as it behaves since the privacy rule: until the worker agrees, getPrivacySetting says so
 * and a privacy-scoped API must not be called at all. Records every chooseMedia call.
 */
function privacyPlatform(): { chooseMediaCalls: number; contractsOpened: number } {
  const platform = { agreed: false, chooseMediaCalls: 0, contractsOpened: 0 };
  Object.assign(wxApi(), {
    getPrivacySetting: ({ success }: { success(res: { needAuthorization: boolean; privacyContractName: string }): void }) =>
      success({ needAuthorization: !platform.agreed, privacyContractName: '《职工之家隐私保护指引》' }),
    openPrivacyContract: () => {
      platform.contractsOpened += 1;
    },
    chooseMedia: async () => {
      if (!platform.agreed) throw new Error('chooseMedia called before privacy consent');
      platform.chooseMediaCalls += 1;
      return { tempFiles: [] };
    },
    showToast: () => undefined,
  });
  // The agree button is WeChat's agreePrivacyAuthorization: tapping it is the agreement.
  const agree = () => {
    platform.agreed = true;
  };
  (platform as unknown as { agree(): void }).agree = agree;
  return platform;
}

describe('privacy gate', () => {
  test('the request form asks for consent before choosing photos: declining calls nothing, agreeing lets the photo picker open', async () => {
    actAs('privacy-worker-1');
    const platform = privacyPlatform();
    const form = renderPage('pages/requests/form/index', undefined, { compiler: 'official' });
    await waitFor(() => form.data.loading === false, 'the form options', 30000);
    const popup = () => form.querySelector('.privacy-popup');
    expect(popup()?.data.visible).toBe(false);

    tap(form, '.add-photo');
    await waitFor(() => popup()?.data.visible === true, 'the privacy popup');
    expect(platform.chooseMediaCalls).toBe(0);

    fire(form, '.privacy-popup >>> .privacy-link', 'tap', {}, ['text']);
    expect(platform.contractsOpened).toBe(1);

    tap(form, '.privacy-popup >>> .privacy-disagree');
    await waitFor(() => popup()?.data.visible === false, 'the popup to close on 拒绝');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(platform.chooseMediaCalls).toBe(0);

    tap(form, '.add-photo');
    await waitFor(() => popup()?.data.visible === true, 'the popup again');
    (platform as unknown as { agree(): void }).agree();
    fire(form, '.privacy-popup >>> .privacy-agree', 'agreeprivacyauthorization', {});
    await waitFor(() => platform.chooseMediaCalls === 1, 'the photo picker after agreeing');
    expect(popup()?.data.visible).toBe(false);
  });
});
