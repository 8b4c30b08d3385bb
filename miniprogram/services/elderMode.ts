/** 长辈模式: larger text on every page that uses the elderMode behavior, kept on the phone. */
const storageKey = 'elderMode';

export function isElderMode(): boolean {
  try {
    return wx.getStorageSync(storageKey) === true;
  } catch {
    return false;
  }
}

export function setElderMode(on: boolean): void {
  wx.setStorageSync(storageKey, on);
}
