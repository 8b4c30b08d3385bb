import { posterInviter as contract } from '../../contracts/quiz';
import { posterCodeOwner } from '../../db/quiz/posterCodes';
import { tempUrlOf } from '../../db/requests/mediaCheckStore';
import { findUser } from '../../db/users';
import type { Handler } from '../../runtime/router';

/**
 * The sharer behind a poster code's scene, as a page opened from the code greets the viewer: the
 * nickname and the avatar that passed its image check (what a leaderboard shows to everyone), never
 * the openid. An unknown scene, or the viewer's own, answers no inviter.
 */
export const posterInviter: Handler<typeof contract> = async (input, ctx) => {
  const owner = await posterCodeOwner(ctx.db, input.scene);
  if (!owner || owner === ctx.openid) return { inviter: null };
  const user = await findUser(ctx.db, owner);
  if (!user) return { inviter: null };
  let avatarUrl: string | null = null;
  if (user.avatarFileId) {
    try {
      avatarUrl = await tempUrlOf(user.avatarFileId);
    } catch (error) {
      // A greeting without a picture is still a greeting: the page shows the initial instead.
      console.warn('inviter avatar url failed', error);
    }
  }
  return { inviter: { nickname: user.nickname, avatarUrl } };
};
