import { setLike as contract } from '../../contracts/reading';
import { setVote } from '../../db/reading/likes';
import { findCards } from '../../db/reading/stories';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';

export const setLike: Handler<typeof contract> = async (input, ctx) => {
  if ((await findCards(ctx.db, [input.storyId])).length === 0) throw failWith(contract, 'STORY_NOT_FOUND', '故事不存在或已下架');
  // The like document decides and carries its change until the story's counter has taken it.
  await setVote(ctx.db, ctx.openid, input.storyId, input.liked, ctx.now);
  const [after] = await findCards(ctx.db, [input.storyId]);
  return { liked: input.liked, likes: after?.likes ?? 0 };
};
