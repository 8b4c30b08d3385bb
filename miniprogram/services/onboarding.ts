import type { Profile } from '../../server/contracts/account';
import { api } from './api';

/**
 * The first-run page (privacy, avatar, nickname, union), shown once to a new worker. The 学习 home
 * calls openOnboardingIfNew(); the page records how it ended, so it never comes back on this phone.
 */
export const onboardingPage = '/pages/onboarding/index';

const storageKey = 'onboarding';

type Ending = 'done' | 'skipped';

function ended(): Ending | '' {
  try {
    const value: unknown = wx.getStorageSync(storageKey);
    return value === 'done' || value === 'skipped' ? value : '';
  } catch {
    return '';
  }
}

/** A worker who has not chosen a name and has neither finished nor skipped the first-run page here. */
export function needsOnboarding(profile: Pick<Profile, 'nicknameChosen'>): boolean {
  return !profile.nicknameChosen && ended() === '';
}

export function finishOnboarding(how: Ending): void {
  wx.setStorageSync(storageKey, how);
}

/** For the 学习 home: opens the first-run page for a new worker; true when it did. No cloud call once it has ended. */
export async function openOnboardingIfNew(): Promise<boolean> {
  if (ended() !== '') return false;
  const profile = await api.account.getProfile({});
  if (!profile.ok || !needsOnboarding(profile.data)) return false;
  wx.navigateTo({ url: onboardingPage });
  return true;
}
