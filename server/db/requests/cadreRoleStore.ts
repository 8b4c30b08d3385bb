import type { RoleDoc } from '../users';
import { collections } from '../collections';
import type { Database } from '../database';

/**
 * A page of the cadre roles of these organisations, newest grant first, after the (grantedAt, _id)
 * of the previous page's last role: index orgId_1_role_1_grantedAt_-1__id_-1, one walk per
 * organisation merged, starting at the cursor.
 */
export async function cadreRolesIn(db: Database, orgIds: string[], after: { value: Date; id: string } | undefined, limit: number): Promise<RoleDoc[]> {
  const _ = db.command;
  const base = { orgId: _.in(orgIds), role: 'cadre' };
  // The plain bound on grantedAt lets the index walk start at the cursor (the $or alone would not).
  const where = after ? _.and([{ ...base, grantedAt: _.lte(after.value) }, _.or([{ grantedAt: _.lt(after.value) }, { grantedAt: after.value, _id: _.lt(after.id) }])]) : base;
  const { data } = await db.collection(collections.roles).where(where as Record<string, unknown>).orderBy('grantedAt', 'desc').orderBy('_id', 'desc').limit(limit).get();
  return data as RoleDoc[];
}

export async function putRole(db: Database, id: string, role: Omit<RoleDoc, '_id'>): Promise<void> {
  await db.collection(collections.roles).doc(id).set({ data: role });
}

/** Removes the cadre role of this person and organisation under any of its ids, and only that role. */
export async function removeCadreRole(db: Database, ids: readonly string[], openid: string, orgId: string): Promise<number> {
  const _ = db.command;
  const { stats } = await db.collection(collections.roles).where({ _id: _.in([...ids]), openid, orgId, role: 'cadre' }).remove();
  return stats.removed;
}
