import type { listMine as contract } from '../../contracts/requests';
import { orgNames } from '../../db/orgs';
import { decodeCursor, encodeCursor } from '../../db/sortKeyCursor';
import { listRequestsOf } from '../../db/requests/requestStore';
import { summaryOf } from '../../domain/requests/requestViews';
import type { Handler } from '../../runtime/router';

export const listMine: Handler<typeof contract> = async (input, ctx) => {
  // One more than asked tells whether another page exists without counting.
  const docs = await listRequestsOf(ctx.db, ctx.openid, decodeCursor(input.cursor), input.limit + 1);
  const page = docs.slice(0, input.limit);
  const last = page[page.length - 1];
  // Only the page's organisations are named: one read by id instead of the whole tree per call.
  const names = await orgNames(ctx.db, page.map((doc) => doc.orgId));
  return { requests: page.map((doc) => summaryOf(doc, names)), nextCursor: docs.length > input.limit && last ? encodeCursor(last.createdAt, last._id) : null };
};
