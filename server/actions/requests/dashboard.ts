import type { dashboard as contract } from '../../contracts/requests';
import { readCounters } from '../../db/requests/requestCounters';
import { dashboardStats } from '../../domain/requests/dashboardStats';
import { orgScope } from '../../domain/requests/orgScope';
import type { Handler } from '../../runtime/router';
import { cadreScope } from './cadreScope';

/**
 * Every request of the caller's tree, from the counters (one document per organisation and filing
 * week): the reads grow with organisations and weeks, never with requests.
 */
export const dashboard: Handler<typeof contract> = async (input, ctx) => {
  const { scope, orgs } = await cadreScope(ctx);
  const orgIds = input.orgId && scope.has(input.orgId) ? [...orgScope(orgs, [input.orgId])].filter((id) => scope.has(id)) : [...scope];
  return dashboardStats(await readCounters(ctx.db, orgIds, ''));
};
