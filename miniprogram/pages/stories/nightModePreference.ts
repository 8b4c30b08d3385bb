/** Night mode for the reader lives on the phone (wx storage), like the font size. */
const key = 'reading.nightMode';

export function loadNightMode(): boolean {
  try {
    return wx.getStorageSync(key) === true;
  } catch {
    return false;
  }
}

export function saveNightMode(on: boolean): void {
  try {
    wx.setStorageSync(key, on);
  } catch {
    // Storage full or unavailable: the choice simply lasts this visit.
  }
}
