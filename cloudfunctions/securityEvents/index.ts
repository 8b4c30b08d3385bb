import { applyMediaCheck } from '../../server/actions/requests/settleMediaCheck';
import { mediaCheckEvent } from '../../server/contracts/securityEvents';
import { openDatabase } from '../../server/db/database';
import { wxCloud } from '../../server/platform/cloud';

/**
 * WeChat's security push events (the mini program's 消息推送 points wxa_media_check here): the
 * verdicts of the image checks that submit started. Not called by the mini program, and not a
 * router of actions: anything that is not such an event is refused, and so is any call made by a
 * user (getWXContext has an OPENID only when the mini program called; a push has none).
 */
export async function main(event: unknown): Promise<unknown> {
  if (wxCloud().getWXContext().OPENID) return { ok: false, code: 'FORBIDDEN', message: '仅接收微信消息推送事件' };
  const parsed = mediaCheckEvent.safeParse(event);
  if (!parsed.success) return { ok: false, code: 'FORBIDDEN', message: '仅接收微信消息推送事件' };
  try {
    return { ok: true, data: { outcome: await applyMediaCheck(openDatabase(), parsed.data, new Date()) } };
  } catch (error) {
    console.error('media check event failed', parsed.data.trace_id, error);
    return { ok: false, code: 'INTERNAL', message: String(error) };
  }
}
