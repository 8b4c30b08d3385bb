import { detail as contract } from '../../contracts/requests';
import { findRequest } from '../../db/requests/requestStore';
import { detailOf } from '../../domain/requests/requestViews';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';
import { loadOrgs } from './orgNames';

export const detail: Handler<typeof contract> = async (input, ctx) => {
  const doc = await findRequest(ctx.db, input.requestId);
  // Another worker's request answers exactly as a missing one.
  if (!doc || doc.openid !== ctx.openid) throw failWith(contract, 'NOT_FOUND', '诉求不存在');
  const { names } = await loadOrgs(ctx.db);
  return detailOf(doc, names, 'worker', ctx.now, { fullPhone: false });
};
