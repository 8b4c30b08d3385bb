/**
 * WeChat's privacy authorization (a platform rule since 2023-09-15): a privacy-scoped API or
 * component (choosing photos, chooseAvatar, the nickname input, the clipboard, saving to the album)
 * may run only after the worker agreed to the 用户隐私保护指引. Pages ask ensurePrivacyConsent()
 * first; the privacy popup on screen registers itself here and asks the worker.
 */
export type PrivacyPrompt = () => Promise<boolean>;

let prompt: PrivacyPrompt | null = null;
let agreed = false;

/** The popup now on screen (the last page shown), or null when it leaves. */
export function registerPrivacyPrompt(next: PrivacyPrompt | null, current?: PrivacyPrompt): void {
  if (next) prompt = next;
  else if (!current || prompt === current) prompt = null;
}

export interface PrivacyState {
  needAuthorization: boolean;
  contractName: string;
}

/** Whether the worker still has to agree (false on base libraries older than the rule). */
export function privacyState(): Promise<PrivacyState> {
  const fallback = { needAuthorization: false, contractName: '《职工之家隐私保护指引》' };
  if (agreed || typeof wx.getPrivacySetting !== 'function') return Promise.resolve(fallback);
  return new Promise((resolve) => {
    wx.getPrivacySetting({
      success: (res) => resolve({ needAuthorization: res.needAuthorization, contractName: res.privacyContractName || fallback.contractName }),
      fail: () => resolve({ ...fallback, needAuthorization: true }),
    });
  });
}

/** True once the worker has agreed, asking with the popup when needed; false if they decline. */
export async function ensurePrivacyConsent(): Promise<boolean> {
  if (agreed) return true;
  const state = await privacyState();
  if (!state.needAuthorization) {
    agreed = true;
    return true;
  }
  if (!prompt) return false;
  agreed = await prompt();
  return agreed;
}

/** Remembers an agreement WeChat reported (the agree button's event). */
export function markPrivacyAgreed(): void {
  agreed = true;
}

/**
 * WeChat's own trigger: when a privacy-scoped API or component is used before agreement, WeChat
 * asks the app; the popup on screen answers with the worker's choice.
 */
export function listenForPrivacyRequests(): void {
  if (typeof wx.onNeedPrivacyAuthorization !== 'function') return;
  // The typings give the listener a result object; WeChat passes a resolve function first.
  const listener = (resolve: (answer: { event: 'agree' | 'disagree'; buttonId?: string }) => void) => {
    if (!prompt) {
      resolve({ event: 'disagree' });
      return;
    }
    void prompt().then((ok) => resolve(ok ? { buttonId: 'privacy-agree', event: 'agree' } : { event: 'disagree' }));
  };
  wx.onNeedPrivacyAuthorization(listener as unknown as WechatMiniprogram.OnNeedPrivacyAuthorizationCallback);
}

/** The 用户隐私保护指引 as WeChat shows it. */
export function openPrivacyContract(): void {
  if (typeof wx.openPrivacyContract === 'function') wx.openPrivacyContract({});
}
