import { auditLog as auditContract, findPeople as findContract, grantRole as grantContract, listRoles as listContract, revokeRole as revokeContract, type ConsoleRole, type RoleRow } from '../../contracts/account';
import { collections } from '../../db/collections';
import type { OrgDoc } from '../../db/orgs';
import { writeAudit } from '../../db/requests/requestStore';
import { findUser, rolesOf, type RoleDoc, type UserDoc } from '../../db/users';
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

async function rolesIn(ctx: ActionContext, view: AdminView): Promise<RoleRow[]> {
  const _ = ctx.db.command;
  const orgIds: Array<string | null> = [...view.scope, ...(view.province ? [null] : [])];
  const rows: RoleDoc[] = [];
  for (let i = 0; i < orgIds.length; i += 200) {
    const { data } = await ctx.db.collection(collections.roles).where({ orgId: _.in(orgIds.slice(i, i + 200)), role: _.in(['cadre', 'editor', 'admin']) }).limit(1000).get();
    rows.push(...(data as RoleDoc[]));
  }
  const openids = [...new Set(rows.map((r) => r.openid))];
  const users = openids.length ? ((await ctx.db.collection(collections.users).where({ _id: _.in(openids.slice(0, 1000)) }).limit(1000).get()).data as UserDoc[]) : [];
  const nick = new Map(users.map((u) => [u._id, u.nickname]));
  return rows.map((r) => ({
    roleId: r._id,
    openid: r.openid,
    nickname: nick.get(r.openid) ?? '(未填写昵称)',
    role: r.role as ConsoleRole,
    orgId: r.orgId,
    orgName: r.orgId ? (view.names.get(r.orgId) ?? r.orgId) : '全省',
    grantedAt: new Date(r.grantedAt).toISOString(),
  }));
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

export const listRoles: Handler<typeof listContract> = async (_input, ctx) => ({ roles: await rolesIn(ctx, await adminView(ctx)) });

export const grantRole: Handler<typeof grantContract> = async (input, ctx) => {
  const view = await adminView(ctx);
  if (input.orgId === null ? !view.province : !view.scope.has(input.orgId)) throw failWith(grantContract, 'ORG_NOT_FOUND', '所选组织不在您的管理范围内');
  if (!(await findUser(ctx.db, input.openid))) throw failWith(grantContract, 'PERSON_NOT_FOUND', '没有找到这位用户');
  await ctx.db.collection(collections.roles).doc(roleDocId(input.role, input.openid, input.orgId)).set({
    data: { openid: input.openid, role: input.role, orgId: input.orgId, grantedBy: ctx.openid, grantedAt: ctx.now },
  });
  await writeAudit(ctx.db, { at: ctx.now, actorOpenid: ctx.openid, action: `grant_${input.role}`, target: input.openid, ...(input.orgId ? { orgId: input.orgId } : {}) });
  return { roles: await rolesIn(ctx, view) };
};

export const revokeRole: Handler<typeof revokeContract> = async (input, ctx) => {
  const view = await adminView(ctx);
  const row = (await rolesIn(ctx, view)).find((r) => r.roleId === input.roleId);
  if (!row) throw failWith(revokeContract, 'NOT_FOUND', '没有这项授权');
  if (row.openid === ctx.openid && row.role === 'admin') throw failWith(revokeContract, 'SELF', '不能收回自己的管理员权限');
  await ctx.db.collection(collections.roles).doc(row.roleId).remove();
  await writeAudit(ctx.db, { at: ctx.now, actorOpenid: ctx.openid, action: `revoke_${row.role}`, target: row.openid, ...(row.orgId ? { orgId: row.orgId } : {}) });
  return { roles: await rolesIn(ctx, view) };
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
