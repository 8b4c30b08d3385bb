import { listAllOrgs, type OrgDoc } from '../../db/orgs';
import type { Database } from '../../db/database';

/** The whole organisation tree once per call (a few hundred documents), for names and scopes. */
export async function loadOrgs(db: Database): Promise<{ orgs: OrgDoc[]; names: Map<string, string> }> {
  const orgs = await listAllOrgs(db);
  return { orgs, names: new Map(orgs.map((o) => [o._id, o.name])) };
}
