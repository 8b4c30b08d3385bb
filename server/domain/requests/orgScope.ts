/** The organisations a cadre of `roots` answers for: those and all their descendants. */
export function orgScope(orgs: ReadonlyArray<{ _id: string; parentId: string | null }>, roots: readonly string[]): Set<string> {
  const children = new Map<string, string[]>();
  for (const org of orgs) {
    if (org.parentId === null) continue;
    const list = children.get(org.parentId) ?? [];
    list.push(org._id);
    children.set(org.parentId, list);
  }
  const scope = new Set<string>();
  const stack = roots.filter((root) => orgs.some((o) => o._id === root));
  while (stack.length > 0) {
    const next = stack.pop() as string;
    if (scope.has(next)) continue;
    scope.add(next);
    stack.push(...(children.get(next) ?? []));
  }
  return scope;
}
