import type { listPointsHistory as contract } from '../../contracts/account';
import { ledgerPage } from '../../db/pointsHistory';
import type { Handler } from '../../runtime/router';

const defaultPage = 20;

export const listPointsHistory: Handler<typeof contract> = async (input, ctx) => {
  const limit = input.limit ?? defaultPage;
  // One more than asked tells whether another page exists without counting.
  const found = await ledgerPage(ctx.db, ctx.openid, input.before ? new Date(input.before) : undefined, limit + 1);
  const page = found.slice(0, limit);
  const entries = page.map((entry) => ({ id: entry._id, source: entry.source, points: entry.points, at: new Date(entry.createdAt).toISOString() }));
  return { entries, nextBefore: found.length > limit ? entries[entries.length - 1].at : null };
};
