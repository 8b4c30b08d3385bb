import type { listPointsHistory as contract } from '../../contracts/account';
import { ledgerPage } from '../../db/pointsHistory';
import { decodeCursor, encodeCursor } from '../../db/sortKeyCursor';
import type { Handler } from '../../runtime/router';

const defaultPage = 20;

export const listPointsHistory: Handler<typeof contract> = async (input, ctx) => {
  const limit = input.limit ?? defaultPage;
  // One more than asked tells whether another page exists without counting.
  const found = await ledgerPage(ctx.db, ctx.openid, decodeCursor(input.cursor), limit + 1);
  const page = found.slice(0, limit);
  const entries = page.map((entry) => ({ id: entry._id, source: entry.source, points: entry.points, at: new Date(entry.createdAt).toISOString() }));
  const last = page[page.length - 1];
  return { entries, nextCursor: found.length > limit && last ? encodeCursor(last.createdAt, last._id) : null };
};
