/** The large-font choice lives on the phone (wx storage), so it survives restarts without a call. */
const key = 'reading.largeFont';

export function loadLargeFont(): boolean {
  try {
    return wx.getStorageSync(key) === true;
  } catch {
    return false;
  }
}

export function saveLargeFont(on: boolean): void {
  try {
    wx.setStorageSync(key, on);
  } catch {
    // Storage full or unavailable: the choice simply lasts this visit.
  }
}
