import type { listOrgs as contract } from '../../contracts/account';
import { listAllOrgs } from '../../db/orgs';
import type { Handler } from '../../runtime/router';

export const listOrgs: Handler<typeof contract> = async (_input, ctx) => {
  const orgs = await listAllOrgs(ctx.db);
  return { orgs: orgs.map((o) => ({ id: o._id, name: o.name, parentId: o.parentId, kind: o.kind })) };
};
