import type { listReflections as contract, ReflectionView } from '../../contracts/reading';
import { approvedOn, mineAfter, type ReflectionDoc } from '../../db/reading/reflections';
import { reflectionView } from '../../domain/reading/reflectionView';
import { decodeCursor, encodeCursor } from '../../db/sortKeyCursor';
import type { ActionContext } from '../../runtime/context';
import type { Handler } from '../../runtime/router';

const pageSize = 20;

/** A page of `pageSize` from `pageSize + 1` read: the extra one only says whether more remain. */
function pageOf(ctx: ActionContext, docs: ReflectionDoc[]): { items: ReflectionView[]; nextCursor: string | null } {
  const page = docs.slice(0, pageSize);
  const last = page[page.length - 1];
  return { items: page.map((r) => reflectionView(ctx.openid, r)), nextCursor: docs.length > pageSize && last ? encodeCursor(last.createdAt, last._id) : null };
}

/** The worker's own not-yet-approved reflections on a story, so they know each was received (and why one was not approved). */
export async function minePage(ctx: ActionContext, storyId: string, cursor: { value: Date; id: string } | undefined) {
  return pageOf(ctx, await mineAfter(ctx.db, ctx.openid, storyId, cursor, pageSize + 1));
}

export const listReflections: Handler<typeof contract> = async (input, ctx) => {
  const cursor = decodeCursor(input.cursor);
  const [approved, mine] = await Promise.all([
    approvedOn(ctx.db, input.storyId, cursor, pageSize + 1).then((docs) => pageOf(ctx, docs)),
    input.cursor ? Promise.resolve({ items: [], nextCursor: null }) : minePage(ctx, input.storyId, undefined),
  ]);
  return { mine: mine.items, mineNextCursor: mine.nextCursor, approved: approved.items, nextCursor: approved.nextCursor };
};
