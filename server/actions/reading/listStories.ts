import type { listStories as contract } from '../../contracts/reading';
import { storiesOfTheme, toCard } from '../../db/reading/stories';
import type { Handler } from '../../runtime/router';

export const listStories: Handler<typeof contract> = async (input, ctx) => {
  const limit = input.limit ?? 10;
  // One more than asked tells whether another page exists without a count.
  const docs = await storiesOfTheme(ctx.db, input.theme, input.after, limit + 1);
  const page = docs.slice(0, limit);
  return { stories: page.map(toCard), nextAfter: docs.length > limit ? (page[page.length - 1]?._id ?? null) : null };
};
