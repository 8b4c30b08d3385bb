import { groupCloudIdField, joinGroup as contract } from '../../contracts/quiz';
import { rememberGroup } from '../../points/memberships';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';

/** The platform replaces a CloudID in the call's data by { cloudID, data: { openGId } }: the client cannot forge it. */
function openGIdOf(event: Record<string, unknown>): string | null {
  const resolved = event[groupCloudIdField] as { data?: { openGId?: unknown } } | undefined;
  const gid = resolved?.data?.openGId;
  return typeof gid === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(gid) ? gid : null;
}

export const joinGroup: Handler<typeof contract> = async (_input, ctx) => {
  const groupId = openGIdOf(ctx.event);
  if (!groupId) throw failWith(contract, 'NO_GROUP', '没有识别到微信群,请从群聊中打开');
  await rememberGroup(ctx.db, ctx.openid, groupId, ctx.now);
  return { groupId };
};
