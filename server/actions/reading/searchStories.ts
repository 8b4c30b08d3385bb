import type { searchStories as contract } from '../../contracts/reading';
import { searchStoryCards } from '../../db/reading/storySearch';
import { toCard } from '../../db/reading/stories';
import type { Handler } from '../../runtime/router';

const pageSize = 20;

export const searchStories: Handler<typeof contract> = async (input, ctx) => {
  // One more than a page tells whether another exists without counting.
  const found = await searchStoryCards(ctx.db, input.query, input.after, pageSize + 1);
  const page = found.slice(0, pageSize);
  return { stories: page.map(toCard), nextAfter: found.length > pageSize ? (page[page.length - 1]?._id ?? null) : null };
};
