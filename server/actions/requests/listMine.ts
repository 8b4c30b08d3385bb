import type { listMine as contract } from '../../contracts/requests';
import { listRequestsOf } from '../../db/requests/requestStore';
import { summaryOf } from '../../domain/requests/requestViews';
import type { Handler } from '../../runtime/router';
import { loadOrgs } from './orgNames';

export const listMine: Handler<typeof contract> = async (input, ctx) => {
  const [docs, { names }] = await Promise.all([listRequestsOf(ctx.db, ctx.openid, input.limit), loadOrgs(ctx.db)]);
  return { requests: docs.map((doc) => summaryOf(doc, names)) };
};
