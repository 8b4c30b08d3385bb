import { updateProfile as contract } from '../../contracts/account';
import { ensureUser, updateUser } from '../../db/users';
import { isOwnUpload } from '../../domain/requests/ownUpload';
import { assertSafeText } from '../../platform/contentCheck';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';
import { startAvatarCheck } from './avatarCheck';
import { loadProfile } from './loadProfile';

/**
 * Nickname (text-checked) and avatar. An avatar must be the worker's own upload; it waits for
 * WeChat's image check (pendingAvatarFileId) and becomes the avatar only when the check passes.
 */
export const updateProfile: Handler<typeof contract> = async (input, ctx) => {
  if (input.avatarFileId !== undefined && !isOwnUpload(input.avatarFileId, ctx.openid)) throw failWith(contract, 'FOREIGN_FILE', '头像须由本人上传');
  const user = await ensureUser(ctx.db, ctx.openid, ctx.now);
  await assertSafeText(ctx, [input.nickname], 1);
  const patch: Parameters<typeof updateUser>[2] = {};
  if (input.nickname !== undefined) patch.nickname = input.nickname;
  const newAvatar = input.avatarFileId !== undefined && input.avatarFileId !== user.avatarFileId && input.avatarFileId !== user.pendingAvatarFileId ? input.avatarFileId : null;
  if (newAvatar) patch.pendingAvatarFileId = newAvatar;
  if (Object.keys(patch).length > 0) await updateUser(ctx.db, ctx.openid, patch, ctx.now);
  if (newAvatar) await startAvatarCheck(ctx, newAvatar);
  return loadProfile(ctx);
};
