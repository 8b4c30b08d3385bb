import { groupCloudIdField, joinGroup as contract } from '../../contracts/quiz';
import { rememberGroup } from '../../points/memberships';
import { failWith } from '../../runtime/actionError';
import type { ActionContext } from '../../runtime/context';
import type { Handler } from '../../runtime/router';

/**
 * The platform replaces a CloudID in the call's data by { cloudID, data: { openGId } }, but a client
 * can send a plain object of that shape: only the cloudID is taken from the call, and WeChat itself
 * decrypts it for this user.
 */
async function openGIdOf(ctx: ActionContext): Promise<string | null> {
  const sent = ctx.event[groupCloudIdField] as { cloudID?: unknown } | undefined;
  const cloudID = sent?.cloudID;
  if (typeof cloudID !== 'string' || !/^[\w.-]{1,256}$/.test(cloudID)) return null;
  const gid = (await ctx.openApi.openCloudId(ctx.openid, cloudID))?.openGId;
  return typeof gid === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(gid) ? gid : null;
}

export const joinGroup: Handler<typeof contract> = async (_input, ctx) => {
  const groupId = await openGIdOf(ctx);
  if (!groupId) throw failWith(contract, 'NO_GROUP', '没有识别到微信群,请从群聊中打开');
  await rememberGroup(ctx.db, ctx.openid, groupId, ctx.now);
  return { groupId };
};
