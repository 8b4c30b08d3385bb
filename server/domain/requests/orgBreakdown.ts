/**
 * The organisations a dashboard breaks its figures down by: the children of the single top of the
 * caller's tree (or of `focus`), else the tops themselves. Every one of them, however many.
 */
export function breakdownOrgs(orgs: ReadonlyArray<{ _id: string; parentId: string | null }>, scope: ReadonlySet<string>, focus: string | undefined): string[] {
  const tops = focus && scope.has(focus) ? [focus] : [...scope].filter((id) => !scope.has(orgs.find((o) => o._id === id)?.parentId ?? ''));
  if (tops.length !== 1) return tops;
  const children = orgs.filter((o) => o.parentId === tops[0] && scope.has(o._id)).map((o) => o._id);
  return children.length ? children : tops;
}
