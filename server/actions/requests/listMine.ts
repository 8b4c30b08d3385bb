import type { listMine as contract } from '../../contracts/requests';
import { decodeCursor, encodeCursor } from '../../db/sortKeyCursor';
import { listRequestsOf } from '../../db/requests/requestStore';
import { summaryOf } from '../../domain/requests/requestViews';
import type { Handler } from '../../runtime/router';
import { loadOrgs } from './orgNames';

export const listMine: Handler<typeof contract> = async (input, ctx) => {
  // One more than asked tells whether another page exists without counting.
  const [docs, { names }] = await Promise.all([listRequestsOf(ctx.db, ctx.openid, decodeCursor(input.cursor), input.limit + 1), loadOrgs(ctx.db)]);
  const page = docs.slice(0, input.limit);
  const last = page[page.length - 1];
  return { requests: page.map((doc) => summaryOf(doc, names)), nextCursor: docs.length > input.limit && last ? encodeCursor(last.createdAt, last._id) : null };
};
