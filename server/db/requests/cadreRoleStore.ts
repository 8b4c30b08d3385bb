import type { RoleDoc } from '../users';
import { collections } from '../collections';
import type { Database } from '../database';

/** Cadre roles of these organisations, in one query (index orgId_1_role_1). */
export async function cadreRolesIn(db: Database, orgIds: string[]): Promise<RoleDoc[]> {
  const _ = db.command;
  const { data } = await db.collection(collections.roles).where({ orgId: _.in(orgIds), role: 'cadre' }).limit(1000).get();
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
