import type { OrgNode } from '../../server/contracts/account';

export interface CascaderOption {
  label: string;
  value: string;
  children?: CascaderOption[];
}

/** The organisation tree as t-cascader options: the province, its city and industry unions, their grassroots unions. */
export function orgTree(orgs: OrgNode[]): CascaderOption[] {
  const byParent = new Map<string | null, OrgNode[]>();
  for (const org of orgs) byParent.set(org.parentId, [...(byParent.get(org.parentId) ?? []), org]);
  const build = (parentId: string | null): CascaderOption[] =>
    (byParent.get(parentId) ?? []).map((org) => {
      const children = build(org.id);
      // A union with unions below can itself be chosen: its own entry comes first among them.
      return children.length > 0 ? { label: org.name, value: `${org.id}#group`, children: [{ label: `${org.name}(本级)`, value: org.id }, ...children] } : { label: org.name, value: org.id };
    });
  return build(null);
}
