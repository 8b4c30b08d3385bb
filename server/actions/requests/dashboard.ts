import type { dashboard as contract } from '../../contracts/requests';
import { readCounters } from '../../db/requests/requestCounters';
import { dashboardOrgLine, dashboardStats } from '../../domain/requests/dashboardStats';
import { breakdownOrgs } from '../../domain/requests/orgBreakdown';
import { orgScope } from '../../domain/requests/orgScope';
import type { Handler } from '../../runtime/router';
import { cadreScope } from './cadreScope';

/**
 * Every request of the caller's tree, from the counters (one document per organisation and filing
 * week): the reads grow with organisations and weeks, never with requests. The same documents give
 * the line of each organisation one level down.
 */
export const dashboard: Handler<typeof contract> = async (input, ctx) => {
  const { scope, orgs, names } = await cadreScope(ctx);
  const orgIds = input.orgId && scope.has(input.orgId) ? [...orgScope(orgs, [input.orgId])].filter((id) => scope.has(id)) : [...scope];
  const docs = await readCounters(ctx.db, orgIds, '');
  const orgLines = breakdownOrgs(orgs, scope, input.orgId).map((orgId) => {
    const subtree = orgScope(orgs, [orgId]);
    return dashboardOrgLine(orgId, names.get(orgId) ?? orgId, docs.filter((d) => subtree.has(d.orgId)));
  });
  return { ...dashboardStats(docs), orgLines };
};
