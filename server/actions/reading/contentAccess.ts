import type { OrgDoc } from '../../db/orgs';
import { rolesOf } from '../../db/users';
import { contentReach, MODERATOR_ROLES, reaches, STORY_ROLES, type ContentReach } from '../../domain/reading/contentScope';
import { ActionError } from '../../runtime/actionError';
import type { ActionContext } from '../../runtime/context';
import { loadOrgs } from '../requests/orgNames';

export interface ContentAccess {
  reach: ContentReach;
  orgs: OrgDoc[];
  names: Map<string, string>;
  /** Whether the caller may act on something of this organisation (null: the province's). */
  covers(orgId: string | null | undefined): boolean;
  orgName(orgId: string | null | undefined): string;
}

/** Roles are read on the server from the roles collection, never taken from the client. */
async function accessFor(ctx: ActionContext, allowed: readonly string[], refusal: string): Promise<ContentAccess> {
  const [roles, { orgs, names }] = await Promise.all([rolesOf(ctx.db, ctx.openid), loadOrgs(ctx.db)]);
  const reach = contentReach(roles, orgs, allowed);
  if (!reach) throw new ActionError('FORBIDDEN', refusal);
  return {
    reach,
    orgs,
    names,
    covers: (orgId) => reaches(reach, orgId, orgs),
    orgName: (orgId) => (orgId ? (names.get(orgId) ?? orgId) : '全省'),
  };
}

/** Stories: content editors and admins, each within their organisations (provincial stories: the province level only). */
export const storyAccess = (ctx: ActionContext) => accessFor(ctx, STORY_ROLES, '仅内容编辑可以管理故事');

/** Reflections: cadres, admins and editors, each for authors of their organisations. */
export const moderatorAccess = (ctx: ActionContext) => accessFor(ctx, MODERATOR_ROLES, '仅工会干部或内容编辑可以审核读后感');

export const OUT_OF_SCOPE = '这篇故事不在您的管理范围内';
