import { assign as assignContract, listAssignees as listContract, type Assignee } from '../../contracts/requests';
import { collections } from '../../db/collections';
import { findRequest, requestCollections, writeAudit, type RequestDoc } from '../../db/requests/requestStore';
import type { RoleDoc, UserDoc } from '../../db/users';
import { detailOf } from '../../domain/requests/requestViews';
import { failWith } from '../../runtime/actionError';
import type { ActionContext } from '../../runtime/context';
import type { Handler } from '../../runtime/router';
import { cadreScope } from './cadreScope';

/** The organisation and its ancestors: a cadre of any of them answers for the request. */
function ancestorsOf(orgs: Array<{ _id: string; parentId: string | null }>, orgId: string): string[] {
  const byId = new Map(orgs.map((o) => [o._id, o]));
  const chain: string[] = [];
  for (let at = byId.get(orgId); at && chain.length < 20; at = at.parentId ? byId.get(at.parentId) : undefined) chain.push(at._id);
  return chain;
}

async function requestInScope(ctx: ActionContext, requestId: string) {
  const scoped = await cadreScope(ctx);
  const doc = await findRequest(ctx.db, requestId);
  if (!doc || !scoped.scope.has(doc.orgId)) throw failWith(listContract, 'NOT_FOUND', '诉求不存在');
  return { ...scoped, doc };
}

async function assigneesFor(ctx: ActionContext, doc: RequestDoc, orgs: Array<{ _id: string; parentId: string | null }>, names: Map<string, string>): Promise<Assignee[]> {
  const _ = ctx.db.command;
  const chain = ancestorsOf(orgs, doc.orgId);
  const { data } = await ctx.db
    .collection(collections.roles)
    .where(_.or([{ role: 'cadre', orgId: _.in(chain) }, { role: 'admin', orgId: _.in([...chain, null]) }]) as unknown as Record<string, unknown>)
    .limit(200)
    .get();
  const roles = data as RoleDoc[];
  const openids = [...new Set(roles.map((r) => r.openid))];
  if (openids.length === 0) return [];
  const users = (await ctx.db.collection(collections.users).where({ _id: _.in(openids) }).limit(200).get()).data as UserDoc[];
  const nick = new Map(users.map((u) => [u._id, u.nickname]));
  return openids.map((openid) => {
    const role = roles.find((r) => r.openid === openid) as RoleDoc;
    return { openid, nickname: nick.get(openid) ?? '工作人员', orgName: role.orgId ? (names.get(role.orgId) ?? role.orgId) : '全省' };
  });
}

export const listAssignees: Handler<typeof listContract> = async (input, ctx) => {
  const { doc, orgs, names } = await requestInScope(ctx, input.requestId);
  return { assignees: await assigneesFor(ctx, doc, orgs, names) };
};

export const assign: Handler<typeof assignContract> = async (input, ctx) => {
  const { doc, orgs, names } = await requestInScope(ctx, input.requestId);
  const chosen = (await assigneesFor(ctx, doc, orgs, names)).find((a) => a.openid === input.assigneeOpenid);
  if (!chosen) throw failWith(assignContract, 'NOT_ASSIGNABLE', '只能指派给负责该组织的工会干部');
  await ctx.db.collection(requestCollections.requests).doc(doc._id).update({ data: { assigneeOpenid: chosen.openid, assigneeName: chosen.nickname, updatedAt: ctx.now } });
  await writeAudit(ctx.db, { at: ctx.now, actorOpenid: ctx.openid, action: 'assign', requestId: doc._id, orgId: doc.orgId, target: chosen.openid });
  return detailOf({ ...doc, assigneeOpenid: chosen.openid, assigneeName: chosen.nickname }, names, 'cadre', ctx.now, { fullPhone: false });
};
