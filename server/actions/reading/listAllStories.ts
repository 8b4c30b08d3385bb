import type { listAllStories as contract } from '../../contracts/reading';
import { allOfTheme, toCard } from '../../db/reading/stories';
import type { Handler } from '../../runtime/router';
import { storyAccess } from './contentAccess';

/** Every story of the theme; the ones outside the editor's reach are listed but marked not editable. */
export const listAllStories: Handler<typeof contract> = async (input, ctx) => {
  const access = await storyAccess(ctx);
  const docs = await allOfTheme(ctx.db, input.theme);
  return {
    stories: docs.map((d) => ({ ...toCard(d), published: d.unpublished !== true, orgId: d.orgId ?? null, orgName: access.orgName(d.orgId), editable: access.covers(d.orgId) })),
  };
};
