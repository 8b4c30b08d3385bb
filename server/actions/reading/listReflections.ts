import type { listReflections as contract } from '../../contracts/reading';
import { approvedOn, mineOn } from '../../db/reading/reflections';
import { reflectionView } from '../../domain/reading/reflectionView';
import { decodeCursor, encodeCursor } from '../../db/sortKeyCursor';
import type { Handler } from '../../runtime/router';

const pageSize = 20;

export const listReflections: Handler<typeof contract> = async (input, ctx) => {
  const [approved, mine] = await Promise.all([
    approvedOn(ctx.db, input.storyId, decodeCursor(input.cursor), pageSize + 1),
    input.cursor ? Promise.resolve([]) : mineOn(ctx.db, ctx.openid, input.storyId),
  ]);
  const page = approved.slice(0, pageSize);
  const last = page[page.length - 1];
  return {
    // The worker's own not-yet-approved ones, so they know it was received.
    mine: mine.filter((r) => r.status !== 'approved').map((r) => reflectionView(ctx.openid, r)),
    approved: page.map((r) => reflectionView(ctx.openid, r)),
    nextCursor: approved.length > pageSize && last ? encodeCursor(last.createdAt, last._id) : null,
  };
};
