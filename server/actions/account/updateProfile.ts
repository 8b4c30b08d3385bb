import { updateProfile as contract } from '../../contracts/account';
import { findOrg } from '../../db/orgs';
import { ensureUser, updateUser } from '../../db/users';
import { assertSafeText } from '../../platform/contentCheck';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';
import { loadProfile } from './loadProfile';

export const updateProfile: Handler<typeof contract> = async (input, ctx) => {
  await ensureUser(ctx.db, ctx.openid, ctx.now);
  if (input.orgId !== undefined && !(await findOrg(ctx.db, input.orgId))) {
    throw failWith(contract, 'ORG_NOT_FOUND', '所选工会组织不存在');
  }
  await assertSafeText(ctx, [input.nickname], 1);
  const patch: Parameters<typeof updateUser>[2] = {};
  if (input.nickname !== undefined) patch.nickname = input.nickname;
  if (input.avatarFileId !== undefined) patch.avatarFileId = input.avatarFileId;
  if (input.orgId !== undefined) patch.orgId = input.orgId;
  if (Object.keys(patch).length > 0) await updateUser(ctx.db, ctx.openid, patch, ctx.now);
  return loadProfile(ctx);
};
