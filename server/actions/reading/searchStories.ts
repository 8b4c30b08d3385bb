import type { searchStories as contract } from '../../contracts/reading';
import { allCards, toCard } from '../../db/reading/stories';
import { searchStories as search } from '../../domain/reading/storySearch';
import type { Handler } from '../../runtime/router';

export const searchStories: Handler<typeof contract> = async (input, ctx) => {
  const cards = await allCards(ctx.db);
  return { stories: search(cards, input.query, 20).map(toCard) };
};
