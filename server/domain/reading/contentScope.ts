import { orgScope } from '../requests/orgScope';

/** Who keeps the stories: content editors and organisation admins. */
export const STORY_ROLES = ['editor', 'admin'] as const;
/** Who moderates reflections: cadres as before, and editors, who act on content. */
export const MODERATOR_ROLES = ['cadre', 'admin', 'editor'] as const;

/** How far a person's roles reach: the province level, and the organisations under their roles. */
export interface ContentReach {
  province: boolean;
  orgIds: ReadonlySet<string>;
}

type OrgLike = { _id: string; parentId: string | null; kind: string };

/**
 * A role for the province (no organisation, or the province's own organisation) reaches everything;
 * a role for an organisation reaches it and everything below it.
 */
export function contentReach(roles: ReadonlyArray<{ role: string; orgId: string | null }>, orgs: readonly OrgLike[], allowed: readonly string[]): ContentReach | null {
  const held = roles.filter((r) => allowed.includes(r.role));
  if (held.length === 0) return null;
  const kind = new Map(orgs.map((o) => [o._id, o.kind]));
  const province = held.some((r) => r.orgId === null || kind.get(r.orgId) === 'province');
  const roots = province ? orgs.filter((o) => o.parentId === null).map((o) => o._id) : held.flatMap((r) => (r.orgId ? [r.orgId] : []));
  return { province, orgIds: orgScope(orgs, roots) };
}

/**
 * Whether the reach covers something belonging to `orgId`: null (a provincial story, or an author
 * who belongs to no organisation) and the province's own organisation need the province level.
 */
export function reaches(reach: ContentReach, orgId: string | null | undefined, orgs: readonly OrgLike[]): boolean {
  if (reach.province) return true;
  if (!orgId || orgs.some((o) => o._id === orgId && o.kind === 'province')) return false;
  return reach.orgIds.has(orgId);
}
