/**
 * One role document per person and organisation, so a repeated grant changes nothing (script and
 * page agree). The parts are joined by "|", which neither an openid nor an organisation id can
 * hold, so two different pairs never share an id.
 */
export function cadreRoleDocId(openid: string, orgId: string): string {
  return `cadre|${orgId}|${openid}`;
}

/**
 * The id the first version used: "-" occurs inside both parts, so ("qh-xining", "a") and
 * ("qh", "xining-a") collided. Read only to revoke a role granted under it, after checking that
 * the document names exactly this person and organisation.
 */
export function legacyCadreRoleDocId(openid: string, orgId: string): string {
  return `cadre-${orgId}-${openid}`;
}

/** Any console role's document: one per (role, organisation or province, person). */
export function roleDocId(role: 'cadre' | 'editor' | 'admin', openid: string, orgId: string | null): string {
  return role === 'cadre' && orgId ? cadreRoleDocId(openid, orgId) : `${role}|${orgId ?? 'province'}|${openid}`;
}

export function adminRoleDocId(openid: string, orgId: string | null): string {
  return roleDocId('admin', openid, orgId);
}
