import { setFavorite as contract } from '../../contracts/reading';
import { addFavorite, removeFavorite } from '../../db/reading/favorites';
import { findCards } from '../../db/reading/stories';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';

export const setFavorite: Handler<typeof contract> = async (input, ctx) => {
  if ((await findCards(ctx.db, [input.storyId])).length === 0) throw failWith(contract, 'STORY_NOT_FOUND', '故事不存在或已下架');
  if (input.favorited) await addFavorite(ctx.db, ctx.openid, input.storyId, ctx.now);
  else await removeFavorite(ctx.db, ctx.openid, input.storyId);
  return { favorited: input.favorited };
};
