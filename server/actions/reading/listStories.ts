import type { listStories as contract } from '../../contracts/reading';
import { progressOf } from '../../db/reading/progress';
import { storiesOfTheme, toCard } from '../../db/reading/stories';
import { storyProgress } from '../../domain/reading/storyProgress';
import type { Handler } from '../../runtime/router';

export const listStories: Handler<typeof contract> = async (input, ctx) => {
  const limit = input.limit ?? 10;
  // One more than asked tells whether another page exists without a count.
  const docs = await storiesOfTheme(ctx.db, input.theme, input.after, limit + 1);
  const page = docs.slice(0, limit);
  const progress = new Map((await progressOf(ctx.db, ctx.openid, page.map((d) => d._id))).map((p) => [p.storyId, p]));
  const stories = page.map((doc) => {
    const mine = progress.get(doc._id);
    return { ...toCard(doc), progress: mine ? storyProgress(mine.secondsRead, doc.readingMinutes) : null };
  });
  return { stories, nextAfter: docs.length > limit ? (page[page.length - 1]?._id ?? null) : null };
};
