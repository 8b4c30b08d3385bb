import type { groupCloudIdField } from '../../../server/contracts/quiz/joinGroup';

// A type-only import keeps zod out of the package; the compiler still checks the field's name.
const cloudIdField: typeof groupCloudIdField = 'groupCloudId';

/**
 * When the mini program was opened from a group chat, tells the server which group: the shareTicket
 * gives a cloudID that only the server can open (CloudID as a top-level data field, not in `input`).
 */
export async function joinGroupFromEnterOptions(): Promise<string | null> {
  if (typeof wx.getEnterOptionsSync !== 'function' || typeof wx.getShareInfo !== 'function') return null;
  const shareTicket = wx.getEnterOptionsSync().shareTicket;
  if (!shareTicket) return null;
  try {
    const info = await new Promise<WechatMiniprogram.GetGroupEnterInfoSuccessCallbackResult>((resolve, reject) => wx.getShareInfo({ shareTicket, success: resolve, fail: reject }));
    const response = await wx.cloud.callFunction({ name: 'quiz', data: { action: 'joinGroup', input: {}, [cloudIdField]: wx.cloud.CloudID(info.cloudID ?? '') } });
    const reply = response.result as { ok: boolean; data?: { groupId: string } };
    return reply.ok && reply.data ? reply.data.groupId : null;
  } catch (error) {
    console.warn('joining the group failed', error);
    return null;
  }
}
