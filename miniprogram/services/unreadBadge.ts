import { api } from './api';

/** The 我的 tab's index in app.json's tabBar. */
const meTab = 3;

/**
 * The 消息 centre's unread count on the 我的 tab (wx.setTabBarBadge): set after anything that can
 * change it. Resolves with the count, or null when it could not be read (the badge is left alone).
 */
export async function refreshUnreadBadge(): Promise<number | null> {
  const result = await api.account.unreadCount({});
  if (!result.ok) return null;
  showUnreadBadge(result.data.unread);
  return result.data.unread;
}

/** Shows a count already known (e.g. answered by markMessagesRead). */
export function showUnreadBadge(unread: number): void {
  // Only a tab page may set a badge; elsewhere WeChat answers with a failure, which is fine.
  const done = { fail: () => undefined };
  if (unread > 0 && typeof wx.setTabBarBadge === 'function') wx.setTabBarBadge({ index: meTab, text: unread > 99 ? '99+' : String(unread), ...done });
  else if (unread === 0 && typeof wx.removeTabBarBadge === 'function') wx.removeTabBarBadge({ index: meTab, ...done });
}
