import type { listPendingReflections as contract } from '../../contracts/reading';
import { pendingAfter } from '../../db/reading/reflections';
import { findCards } from '../../db/reading/stories';
import { pendingView } from '../../domain/reading/reflectionView';
import type { Handler } from '../../runtime/router';
import { requireModerator } from './requireModerator';

const pageSize = 20;

export const listPendingReflections: Handler<typeof contract> = async (input, ctx) => {
  await requireModerator(ctx);
  const docs = await pendingAfter(ctx.db, input.after ? new Date(input.after) : undefined, pageSize + 1);
  const page = docs.slice(0, pageSize);
  // One query for the titles of the whole page.
  const titles = new Map((await findCards(ctx.db, [...new Set(page.map((r) => r.storyId))])).map((c) => [c._id, c.title]));
  const last = page[page.length - 1];
  return { reflections: page.map((r) => pendingView(r, titles)), nextAfter: docs.length > pageSize && last ? new Date(last.createdAt).toISOString() : null };
};
