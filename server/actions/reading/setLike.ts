import { setLike as contract } from '../../contracts/reading';
import { addLike, removeLike } from '../../db/reading/likes';
import { addLikes, findCards } from '../../db/reading/stories';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';

export const setLike: Handler<typeof contract> = async (input, ctx) => {
  if ((await findCards(ctx.db, [input.storyId])).length === 0) throw failWith(contract, 'STORY_NOT_FOUND', '故事不存在或已下架');
  // The unique like document decides; only the call that changed it moves the atomic counter.
  const changed = input.liked ? await addLike(ctx.db, ctx.openid, input.storyId, ctx.now) : await removeLike(ctx.db, ctx.openid, input.storyId);
  if (changed) await addLikes(ctx.db, input.storyId, input.liked ? 1 : -1);
  const [after] = await findCards(ctx.db, [input.storyId]);
  return { liked: input.liked, likes: after?.likes ?? 0 };
};
