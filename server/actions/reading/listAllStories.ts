import type { listAllStories as contract } from '../../contracts/reading';
import { allOfTheme, toCard } from '../../db/reading/stories';
import type { Handler } from '../../runtime/router';
import { requireModerator } from './requireModerator';

export const listAllStories: Handler<typeof contract> = async (input, ctx) => {
  await requireModerator(ctx);
  const docs = await allOfTheme(ctx.db, input.theme);
  return { stories: docs.map((d) => ({ ...toCard(d), published: d.unpublished !== true })) };
};
