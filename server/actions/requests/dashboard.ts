import type { dashboard as contract } from '../../contracts/requests';
import { listForReport } from '../../db/requests/requestStore';
import { dashboardStats, type StatsRow } from '../../domain/requests/dashboardStats';
import type { Handler } from '../../runtime/router';
import { cadreScope } from './cadreScope';

/** How many requests one dashboard reads (five pages of 1,000; beyond that it says so). */
export const dashboardLimit = 5000;

export const dashboard: Handler<typeof contract> = async (input, ctx) => {
  const { scope } = await cadreScope(ctx);
  const fields = { status: true, category: true, acceptedAt: true, resolvedAt: true, overdue: true, rating: true };
  const { rows, truncated } = await listForReport(ctx.db, { orgIds: [...scope], status: input.status, category: input.category, overdue: input.overdue }, dashboardLimit, fields);
  return dashboardStats(rows as StatsRow[], truncated);
};
