import { recordMediaCheck, tempUrlOf } from '../../db/requests/mediaCheckStore';
import type { ActionContext } from '../../runtime/context';

/**
 * Starts WeChat's asynchronous image check of a newly chosen avatar (scene 1: a profile). The
 * verdict arrives at securityEvents; until then the avatar stays pending and is not shown. A check
 * that cannot start leaves it pending (never shown); choosing the avatar again starts another.
 */
export async function startAvatarCheck(ctx: ActionContext, fileId: string): Promise<void> {
  try {
    const { traceId } = await ctx.openApi.mediaCheckAsync({ openid: ctx.openid, mediaUrl: await tempUrlOf(fileId), scene: 1 });
    await recordMediaCheck(ctx.db, { _id: traceId, kind: 'avatar', requestId: '', openid: ctx.openid, fileId, status: 'checking', createdAt: ctx.now, settledAt: null });
  } catch (error) {
    console.error('avatar mediaCheckAsync failed', fileId, error);
  }
}
