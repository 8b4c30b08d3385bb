import type { queue as contract } from '../../contracts/requests';
import { listQueue } from '../../db/requests/requestStore';
import { summaryOf } from '../../domain/requests/requestViews';
import type { Handler } from '../../runtime/router';
import { cadreScope } from './cadreScope';

export const queue: Handler<typeof contract> = async (input, ctx) => {
  const { scope, names } = await cadreScope(ctx);
  const docs = await listQueue(ctx.db, { orgIds: [...scope], status: input.status, category: input.category, overdue: input.overdue }, input.limit);
  return { requests: docs.map((doc) => summaryOf(doc, names)) };
};
