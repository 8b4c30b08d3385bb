import { grantCadre as grantContract, revokeCadre as revokeContract, type CadreRole, type listCadres as listContract } from '../../contracts/requests';
import { cadreRolesIn, putRole, removeCadreRole } from '../../db/requests/cadreRoleStore';
import { writeAudit } from '../../db/requests/requestStore';
import { decodeCursor, encodeCursor } from '../../db/sortKeyCursor';
import type { RoleDoc } from '../../db/users';
import { cadreRoleDocId, legacyCadreRoleDocId } from '../../domain/requests/cadreRoles';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';
import { adminScope } from './adminScope';

function roleView(role: Omit<RoleDoc, '_id' | 'role'> & { orgId: string }, names: Map<string, string>): CadreRole {
  return { openid: role.openid, orgId: role.orgId, orgName: names.get(role.orgId) ?? role.orgId, grantedBy: role.grantedBy, grantedAt: new Date(role.grantedAt).toISOString() };
}

export const listCadres: Handler<typeof listContract> = async (input, ctx) => {
  const { scope, names } = await adminScope(ctx);
  // One more than asked tells whether another page exists without a count.
  const docs = await cadreRolesIn(ctx.db, [...scope], decodeCursor(input.cursor), input.limit + 1);
  const page = docs.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    roles: page.filter((r): r is RoleDoc & { orgId: string } => r.orgId !== null).map((r) => roleView(r, names)),
    nextCursor: docs.length > input.limit && last ? encodeCursor(last.grantedAt, last._id) : null,
  };
};

export const grantCadre: Handler<typeof grantContract> = async (input, ctx) => {
  const { scope, names } = await adminScope(ctx);
  // An organisation outside the admin's tree answers as a missing one.
  if (!scope.has(input.orgId)) throw failWith(grantContract, 'ORG_NOT_FOUND', '所选工会组织不存在或不在管理范围内');
  const role = { openid: input.openid, role: 'cadre' as const, orgId: input.orgId, grantedBy: ctx.openid, grantedAt: ctx.now };
  await putRole(ctx.db, cadreRoleDocId(input.openid, input.orgId), role);
  await writeAudit(ctx.db, { at: ctx.now, actorOpenid: ctx.openid, action: 'grant_role', target: input.openid, orgId: input.orgId });
  return { role: roleView(role, names) };
};

export const revokeCadre: Handler<typeof revokeContract> = async (input, ctx) => {
  const { scope } = await adminScope(ctx);
  if (!scope.has(input.orgId)) throw failWith(revokeContract, 'NOT_FOUND', '没有这项授权');
  const removed = await removeCadreRole(ctx.db, [cadreRoleDocId(input.openid, input.orgId), legacyCadreRoleDocId(input.openid, input.orgId)], input.openid, input.orgId);
  if (removed === 0) throw failWith(revokeContract, 'NOT_FOUND', '没有这项授权');
  await writeAudit(ctx.db, { at: ctx.now, actorOpenid: ctx.openid, action: 'revoke_role', target: input.openid, orgId: input.orgId });
  return { revoked: true };
};
