/** One role document per person and organisation, so a repeated grant changes nothing (script and page agree). */
export function cadreRoleDocId(openid: string, orgId: string): string {
  return `cadre-${orgId}-${openid}`;
}
