import type { listPendingReflections as contract } from '../../contracts/reading';
import { pendingAfter } from '../../db/reading/reflections';
import { findCards } from '../../db/reading/stories';
import { decodeCursor, encodeCursor } from '../../db/sortKeyCursor';
import { pendingView } from '../../domain/reading/reflectionView';
import type { Handler } from '../../runtime/router';
import { moderatorAccess } from './contentAccess';

const pageSize = 20;

/**
 * The queue of the moderator's reach: a province-level moderator sees every author, others the
 * authors of all their organisations, however many (pendingAfter asks them a bounded number at a time).
 */
export const listPendingReflections: Handler<typeof contract> = async (input, ctx) => {
  const access = await moderatorAccess(ctx);
  const scope = access.reach.province ? undefined : [...access.reach.orgIds].filter((id) => access.covers(id));
  const docs = await pendingAfter(ctx.db, decodeCursor(input.cursor), pageSize + 1, scope);
  const page = docs.slice(0, pageSize);
  // One query for the titles of the whole page.
  const titles = new Map((await findCards(ctx.db, [...new Set(page.map((r) => r.storyId))])).map((c) => [c._id, c.title]));
  const last = page[page.length - 1];
  return { reflections: page.map((r) => pendingView(r, titles, access.orgName)), nextCursor: docs.length > pageSize && last ? encodeCursor(last.createdAt, last._id) : null };
};
