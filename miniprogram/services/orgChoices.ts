import type { OrgNode } from '../../server/contracts/account';

/**
 * The organisation tree as one picker list: each organisation after its parent, indented by depth,
 * so a worker sees 省总工会 › 市州/产业工会 › 基层工会 in order.
 */
export function orgChoices(orgs: OrgNode[]): { orgs: OrgNode[]; names: string[] } {
  const children = new Map<string | null, OrgNode[]>();
  for (const org of orgs) {
    const siblings = children.get(org.parentId) ?? [];
    siblings.push(org);
    children.set(org.parentId, siblings);
  }
  const ordered: OrgNode[] = [];
  const names: string[] = [];
  const known = new Set(orgs.map((o) => o.id));
  const visit = (parentId: string | null, depth: number) => {
    for (const org of children.get(parentId) ?? []) {
      ordered.push(org);
      names.push(`${'\u3000'.repeat(depth)}${org.name}`);
      visit(org.id, depth + 1);
    }
  };
  visit(null, 0);
  // Orphans (a parent missing from the list) still appear, at the top level.
  for (const org of orgs) if (org.parentId !== null && !known.has(org.parentId)) { ordered.push(org); names.push(org.name); visit(org.id, 1); }
  return { orgs: ordered, names };
}
