import { auditLog as auditContract, findPeople as findContract, grantRole as grantContract, listRoles as listContract, revokeRole as revokeContract, type ConsoleRole, type RoleRow } from '../../contracts/account';
import { collections } from '../../db/collections';
import type { OrgDoc } from '../../db/orgs';
import { writeAudit } from '../../db/requests/requestStore';
import { consoleRoles, consoleRolesIn, findRole, removeRole } from '../../db/consoleRoles';
import { putRole } from '../../db/requests/cadreRoleStore';
import { decodeCursor, encodeCursor } from '../../db/sortKeyCursor';
import { findUser, nicknamesOf, rolesOf, type RoleDoc, type UserDoc } from '../../db/users';
import { roleDocId } from '../../domain/requests/cadreRoles';
import { orgScope } from '../../domain/requests/orgScope';
import { ActionError, failWith } from '../../runtime/actionError';
import type { ActionContext } from '../../runtime/context';
import type { Handler } from '../../runtime/router';
import { loadOrgs } from '../requests/orgNames';

interface AdminView {
  scope: Set<string>;
  province: boolean;
  orgs: OrgDoc[];
  names: Map<string, string>;
}

/** An admin's reach: the organisations under their admin roles; a province admin (no organisation) also the province level. */
async function adminView(ctx: ActionContext): Promise<AdminView> {
  const [roles, { orgs, names }] = await Promise.all([rolesOf(ctx.db, ctx.openid), loadOrgs(ctx.db)]);
  const admin = roles.filter((r) => r.role === 'admin');
  const province = admin.some((r) => r.orgId === null);
  const roots = province ? orgs.filter((o) => o.parentId === null).map((o) => o._id) : admin.flatMap((r) => (r.orgId ? [r.orgId] : []));
  const scope = orgScope(orgs, roots);
  if (scope.size === 0) throw new ActionError('FORBIDDEN', '仅限管理员使用');
  return { scope, province, orgs, names };
}

/** Where an admin's roles live: their organisations, and the province level for a province admin. */
function orgIdsOf(view: AdminView): Array<string | null> {
  return [...view.scope, ...(view.province ? [null] : [])];
}

/** Whether the admin may see and revoke this role: the same rule the list reads by. */
function withinView(view: AdminView, role: RoleDoc): boolean {
  return (consoleRoles as readonly string[]).includes(role.role) && (role.orgId === null ? view.province : view.scope.has(role.orgId));
}

function roleRow(r: RoleDoc, nickname: string | undefined, view: AdminView): RoleRow {
  return {
    roleId: r._id,
    openid: r.openid,
    nickname: nickname ?? '(未填写昵称)',
    role: r.role as ConsoleRole,
    orgId: r.orgId,
    orgName: r.orgId ? (view.names.get(r.orgId) ?? r.orgId) : '全省',
    grantedAt: new Date(r.grantedAt).toISOString(),
  };
}

export const findPeople: Handler<typeof findContract> = async (input, ctx) => {
  const view = await adminView(ctx);
  const _ = ctx.db.command;
  const within = input.orgId && view.scope.has(input.orgId) ? orgScope(view.orgs, [input.orgId]) : view.scope;
  const where: Record<string, unknown> = { orgId: _.in([...within].slice(0, 1000)) };
  if (input.nickname) where.nickname = ctx.db.RegExp({ regexp: input.nickname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), options: 'i' });
  const users = (await ctx.db.collection(collections.users).where(where).limit(50).get()).data as UserDoc[];
  const people = await Promise.all(
    users.map(async (u) => ({
      openid: u._id,
      nickname: u.nickname,
      orgName: u.orgId ? (view.names.get(u.orgId) ?? '') : '',
      roles: (await rolesOf(ctx.db, u._id)).map((r) => ({ role: r.role, orgId: r.orgId, orgName: r.orgId ? (view.names.get(r.orgId) ?? r.orgId) : '全省' })),
    })),
  );
  return { people };
};

export const listRoles: Handler<typeof listContract> = async (input, ctx) => {
  const view = await adminView(ctx);
  // One more than asked tells whether another page exists without a count.
  const docs = await consoleRolesIn(ctx.db, orgIdsOf(view), decodeCursor(input.cursor), input.limit + 1);
  const page = docs.slice(0, input.limit);
  const nick = await nicknamesOf(ctx.db, page.map((r) => r.openid));
  const last = page[page.length - 1];
  return {
    roles: page.map((r) => roleRow(r, nick.get(r.openid), view)),
    nextCursor: docs.length > input.limit && last ? encodeCursor(last.grantedAt, last._id) : null,
  };
};

export const grantRole: Handler<typeof grantContract> = async (input, ctx) => {
  const view = await adminView(ctx);
  if (input.orgId === null ? !view.province : !view.scope.has(input.orgId)) throw failWith(grantContract, 'ORG_NOT_FOUND', '所选组织不在您的管理范围内');
  const person = await findUser(ctx.db, input.openid);
  if (!person) throw failWith(grantContract, 'PERSON_NOT_FOUND', '没有找到这位用户');
  const role: RoleDoc = { _id: roleDocId(input.role, input.openid, input.orgId), openid: input.openid, role: input.role, orgId: input.orgId, grantedBy: ctx.openid, grantedAt: ctx.now };
  const { _id, ...fields } = role;
  await putRole(ctx.db, _id, fields);
  await writeAudit(ctx.db, { at: ctx.now, actorOpenid: ctx.openid, action: `grant_${input.role}`, target: input.openid, ...(input.orgId ? { orgId: input.orgId } : {}) });
  return { role: roleRow(role, person.nickname, view) };
};

export const revokeRole: Handler<typeof revokeContract> = async (input, ctx) => {
  const view = await adminView(ctx);
  const row = await findRole(ctx.db, input.roleId);
  // A role the admin could not list answers as a missing one.
  if (!row || !withinView(view, row)) throw failWith(revokeContract, 'NOT_FOUND', '没有这项授权');
  if (row.openid === ctx.openid && row.role === 'admin') throw failWith(revokeContract, 'SELF', '不能收回自己的管理员权限');
  await removeRole(ctx.db, row._id);
  await writeAudit(ctx.db, { at: ctx.now, actorOpenid: ctx.openid, action: `revoke_${row.role}`, target: row.openid, ...(row.orgId ? { orgId: row.orgId } : {}) });
  return { revoked: true };
};

type AuditDoc = { at: Date; actorOpenid: string; action: string; target?: string; requestId?: string; orgId?: string | null; detail?: string };

export const auditLog: Handler<typeof auditContract> = async (input, ctx) => {
  const view = await adminView(ctx);
  const _ = ctx.db.command;
  const where: Record<string, unknown> = {};
  if (input.cursor) where.at = _.lt(new Date(input.cursor));
  // A province admin reads everything; an organisation's admin what happened in their organisations.
  if (!view.province) where.orgId = _.in([...view.scope].slice(0, 1000));
  const docs = (await ctx.db.collection(collections.auditLog).where(where).orderBy('at', 'desc').limit(input.limit + 1).get()).data as AuditDoc[];
  const page = docs.slice(0, input.limit);
  const openids = [...new Set(page.map((d) => d.actorOpenid).filter((o) => o && !o.startsWith('script:')))];
  const users = openids.length ? ((await ctx.db.collection(collections.users).where({ _id: _.in(openids) }).limit(100).get()).data as UserDoc[]) : [];
  const nick = new Map(users.map((u) => [u._id, u.nickname]));
  const last = page[page.length - 1];
  return {
    rows: page.map((d) => ({ at: new Date(d.at).toISOString(), actor: nick.get(d.actorOpenid) ?? d.actorOpenid, action: d.action, target: d.requestId ?? d.target ?? '', detail: d.detail ?? (d.orgId ? (view.names.get(d.orgId) ?? d.orgId) : '') })),
    nextCursor: docs.length > input.limit && last ? new Date(last.at).toISOString() : null,
  };
};
