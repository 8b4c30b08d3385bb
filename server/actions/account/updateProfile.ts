import type { updateProfile as contract } from '../../contracts/account';
import { ensureUser, updateUser } from '../../db/users';
import { assertSafeText } from '../../platform/contentCheck';
import type { Handler } from '../../runtime/router';
import { loadProfile } from './loadProfile';

export const updateProfile: Handler<typeof contract> = async (input, ctx) => {
  await ensureUser(ctx.db, ctx.openid, ctx.now);
  await assertSafeText(ctx, [input.nickname], 1);
  const patch: Parameters<typeof updateUser>[2] = {};
  if (input.nickname !== undefined) patch.nickname = input.nickname;
  if (input.avatarFileId !== undefined) patch.avatarFileId = input.avatarFileId;
  if (Object.keys(patch).length > 0) await updateUser(ctx.db, ctx.openid, patch, ctx.now);
  return loadProfile(ctx);
};
