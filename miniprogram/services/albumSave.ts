import { ensurePrivacyConsent } from './privacy';

/** How saving a picture to the album ended. `denied`: the album permission was refused (now or before). */
export type AlbumSaveOutcome = 'saved' | 'denied' | 'cancelled' | 'no-consent' | 'failed';

const ALBUM_SCOPE = 'scope.writePhotosAlbum';

function albumPermission(): Promise<boolean | undefined> {
  return new Promise((resolve) => {
    wx.getSetting({
      success: (res) => resolve((res.authSetting as Record<string, boolean | undefined>)[ALBUM_SCOPE]),
      fail: () => resolve(undefined),
    });
  });
}

/**
 * Saves an image to the phone's album: privacy consent first (saving to the album is privacy-scoped),
 * then WeChat's own permission prompt. Once refused, WeChat does not ask again: the caller explains
 * and offers the settings page (openAlbumSettings).
 */
export async function saveToAlbum(filePath: string): Promise<AlbumSaveOutcome> {
  if (!(await ensurePrivacyConsent())) return 'no-consent';
  if ((await albumPermission()) === false) return 'denied';
  return new Promise((resolve) => {
    wx.saveImageToPhotosAlbum({
      filePath,
      success: () => resolve('saved'),
      fail: (error: { errMsg?: string }) => {
        const message = error.errMsg ?? '';
        if (/cancel/i.test(message)) resolve('cancelled');
        else if (/auth|deny|denied|authorize/i.test(message)) resolve('denied');
        else resolve('failed');
      },
    });
  });
}

/** Opens WeChat's settings page for the mini program; true when the album permission is on afterwards. */
export function openAlbumSettings(): Promise<boolean> {
  return new Promise((resolve) => {
    wx.openSetting({
      success: (res) => resolve((res.authSetting as Record<string, boolean | undefined>)[ALBUM_SCOPE] === true),
      fail: () => resolve(false),
    });
  });
}
