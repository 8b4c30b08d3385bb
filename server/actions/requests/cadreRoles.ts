import { grantCadre as grantContract, revokeCadre as revokeContract, type CadreRole, type listCadres as listContract } from '../../contracts/requests';
import { cadreRolesIn, putRole, removeCadreRole } from '../../db/requests/cadreRoleStore';
import { writeAudit } from '../../db/requests/requestStore';
import { cadreRoleDocId, legacyCadreRoleDocId } from '../../domain/requests/cadreRoles';
import { failWith } from '../../runtime/actionError';
import type { ActionContext } from '../../runtime/context';
import type { Handler } from '../../runtime/router';
import { adminScope } from './adminScope';

async function rolesView(ctx: ActionContext, scope: Set<string>, names: Map<string, string>): Promise<{ roles: CadreRole[] }> {
  const roles = await cadreRolesIn(ctx.db, [...scope]);
  return {
    roles: roles
      .filter((r): r is typeof r & { orgId: string } => r.orgId !== null)
      .map((r) => ({ openid: r.openid, orgId: r.orgId, orgName: names.get(r.orgId) ?? r.orgId, grantedBy: r.grantedBy, grantedAt: new Date(r.grantedAt).toISOString() })),
  };
}

export const listCadres: Handler<typeof listContract> = async (_input, ctx) => {
  const { scope, names } = await adminScope(ctx);
  return rolesView(ctx, scope, names);
};

export const grantCadre: Handler<typeof grantContract> = async (input, ctx) => {
  const { scope, names } = await adminScope(ctx);
  // An organisation outside the admin's tree answers as a missing one.
  if (!scope.has(input.orgId)) throw failWith(grantContract, 'ORG_NOT_FOUND', '所选工会组织不存在或不在管理范围内');
  await putRole(ctx.db, cadreRoleDocId(input.openid, input.orgId), { openid: input.openid, role: 'cadre', orgId: input.orgId, grantedBy: ctx.openid, grantedAt: ctx.now });
  await writeAudit(ctx.db, { at: ctx.now, actorOpenid: ctx.openid, action: 'grant_role', target: input.openid, orgId: input.orgId });
  return rolesView(ctx, scope, names);
};

export const revokeCadre: Handler<typeof revokeContract> = async (input, ctx) => {
  const { scope, names } = await adminScope(ctx);
  if (!scope.has(input.orgId)) throw failWith(revokeContract, 'NOT_FOUND', '没有这项授权');
  const removed = await removeCadreRole(ctx.db, [cadreRoleDocId(input.openid, input.orgId), legacyCadreRoleDocId(input.openid, input.orgId)], input.openid, input.orgId);
  if (removed === 0) throw failWith(revokeContract, 'NOT_FOUND', '没有这项授权');
  await writeAudit(ctx.db, { at: ctx.now, actorOpenid: ctx.openid, action: 'revoke_role', target: input.openid, orgId: input.orgId });
  return rolesView(ctx, scope, names);
};
