import type { ConsoleRole } from '../contracts/account';
import { collections } from './collections';
import type { Database } from './database';
import type { RoleDoc } from './users';

export const consoleRoles: readonly ConsoleRole[] = ['cadre', 'editor', 'admin'];

/**
 * MongoDB merges sorted index walks for at most 200 `$in` combinations; past that it sorts every
 * match in memory. Each organisation is one walk per console role, so a query takes this many.
 */
const ORGS_PER_QUERY = Math.floor(200 / consoleRoles.length);

type SortKey = { value: Date; id: string };

/** Newest grant first, the id breaking a tie (as the index orders them). */
function newestFirst(a: RoleDoc, b: RoleDoc): number {
  const byTime = new Date(b.grantedAt).getTime() - new Date(a.grantedAt).getTime();
  if (byTime !== 0) return byTime;
  return a._id < b._id ? 1 : a._id > b._id ? -1 : 0;
}

/**
 * A page of the console roles held in these organisations (null: the province level), newest
 * grant first, after the (grantedAt, _id) of the previous page's last role. Index
 * orgId_1_role_1_grantedAt_-1__id_-1: each query walks up to 66 organisations' keys from the
 * cursor and stops once its page is full; the queries' pages are merged here.
 */
export async function consoleRolesIn(db: Database, orgIds: ReadonlyArray<string | null>, after: SortKey | undefined, limit: number): Promise<RoleDoc[]> {
  const _ = db.command;
  const queries: Array<Promise<RoleDoc[]>> = [];
  for (let i = 0; i < orgIds.length; i += ORGS_PER_QUERY) {
    const base = { orgId: _.in(orgIds.slice(i, i + ORGS_PER_QUERY)), role: _.in([...consoleRoles]) };
    // The plain bound on grantedAt lets each walk start at the cursor (the $or alone would not).
    const where = after ? _.and([{ ...base, grantedAt: _.lte(after.value) }, _.or([{ grantedAt: _.lt(after.value) }, { grantedAt: after.value, _id: _.lt(after.id) }])]) : base;
    queries.push(
      db.collection(collections.roles).where(where as Record<string, unknown>).orderBy('grantedAt', 'desc').orderBy('_id', 'desc').limit(limit).get().then(({ data }) => data as RoleDoc[]),
    );
  }
  return (await Promise.all(queries)).flat().sort(newestFirst).slice(0, limit);
}

/** One role document by its id, or null. */
export async function findRole(db: Database, roleId: string): Promise<RoleDoc | null> {
  const { data } = await db.collection(collections.roles).where({ _id: roleId }).limit(1).get();
  return (data[0] as RoleDoc | undefined) ?? null;
}

export async function removeRole(db: Database, roleId: string): Promise<void> {
  await db.collection(collections.roles).doc(roleId).remove();
}
