import type { Database } from '../db/database';
import { findOrg } from '../db/orgs';
import { findUser } from '../db/users';
import type { BoardMemberships } from './boardKeys';
import { pointsCollections } from './pointsCollections';

/** A worker's remembered groups are capped so one award writes a bounded number of entries. */
export const maxGroupsPerWorker = 10;
const maxOrgDepth = 4;

export interface Member extends BoardMemberships {
  nickname: string;
}

/** The worker's organisation and its parents (below the province) and the groups remembered for them. */
export async function membershipsOf(db: Database, openid: string): Promise<Member> {
  const [user, groups] = await Promise.all([findUser(db, openid), groupsOf(db, openid)]);
  const orgIds: string[] = [];
  let next = user?.orgId ?? null;
  while (next && orgIds.length < maxOrgDepth) {
    const org = await findOrg(db, next);
    if (!org || org.kind === 'province') break;
    orgIds.push(org._id);
    next = org.parentId;
  }
  return { orgIds, groupIds: groups, nickname: user?.nickname ?? '职工' };
}

export async function groupsOf(db: Database, openid: string): Promise<string[]> {
  const { data } = await db.collection(pointsCollections.groupMembers).where({ openid }).orderBy('joinedAt', 'desc').limit(maxGroupsPerWorker).field({ groupId: true }).get();
  return (data as Array<{ groupId: string }>).map((d) => d.groupId);
}

/** Remembers that a worker belongs to a WeChat group (one document per pair, so repeats are free). */
export async function rememberGroup(db: Database, openid: string, groupId: string, now: Date): Promise<void> {
  await db.collection(pointsCollections.groupMembers).doc(`${groupId}|${openid}`).set({ data: { groupId, openid, joinedAt: now } });
}
