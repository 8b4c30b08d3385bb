import type { listFavorites as contract } from '../../contracts/reading';
import { favoritesPage } from '../../db/reading/favorites';
import { findCards, toCard } from '../../db/reading/stories';
import { decodeCursor, encodeCursor } from '../../db/sortKeyCursor';
import type { Handler } from '../../runtime/router';

export const listFavorites: Handler<typeof contract> = async (input, ctx) => {
  const limit = input.limit ?? 20;
  const favs = await favoritesPage(ctx.db, ctx.openid, decodeCursor(input.cursor), limit + 1);
  const page = favs.slice(0, limit);
  // One query for all the cards of the page, not one per favourite.
  const cards = new Map((await findCards(ctx.db, page.map((f) => f.storyId))).map((c) => [c._id, c]));
  const stories = page.flatMap((f) => {
    const card = cards.get(f.storyId);
    return card ? [{ ...toCard(card), savedAt: new Date(f.createdAt).toISOString() }] : [];
  });
  const last = page[page.length - 1];
  return { stories, nextCursor: favs.length > limit && last ? encodeCursor(last.createdAt, last._id) : null };
};
