import type { listAllStories as contract } from '../../contracts/reading';
import { storiesOfTheme, toCard } from '../../db/reading/stories';
import type { Handler } from '../../runtime/router';
import { storyAccess } from './contentAccess';

/** A page of the theme's stories; the ones outside the editor's reach are listed but marked not editable. */
export const listAllStories: Handler<typeof contract> = async (input, ctx) => {
  const access = await storyAccess(ctx);
  const limit = input.limit ?? 20;
  // One more than asked tells whether another page exists without a count.
  const docs = await storiesOfTheme(ctx.db, input.theme, input.after, limit + 1, 'editors');
  const page = docs.slice(0, limit);
  return {
    stories: page.map((d) => ({ ...toCard(d), published: d.unpublished !== true, orgId: d.orgId ?? null, orgName: access.orgName(d.orgId), editable: access.covers(d.orgId) })),
    nextAfter: docs.length > limit ? (page[page.length - 1]?._id ?? null) : null,
  };
};
