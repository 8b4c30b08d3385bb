import type { Role } from '../contracts/account';
import { collections } from './collections';
import type { Database } from './database';
import { DEFAULT_NICKNAME } from '../domain/account/nicknames';

export interface UserDoc {
  _id: string; // the openid: one document per worker, found without a query
  nickname: string;
  /** Shown to others only once WeChat's image check passed. */
  avatarFileId: string | null;
  /** A newly chosen avatar whose image check has not answered yet (absent on older documents). */
  pendingAvatarFileId?: string | null;
  orgId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface RoleDoc {
  _id: string;
  openid: string;
  role: Role;
  orgId: string | null;
  grantedBy: string;
  grantedAt: Date;
}

export async function findUser(db: Database, openid: string): Promise<UserDoc | null> {
  const { data } = await db.collection(collections.users).where({ _id: openid }).limit(1).get();
  return (data[0] as UserDoc | undefined) ?? null;
}

/** Creates the worker's document on first use; a concurrent first call finds the other's. */
export async function ensureUser(db: Database, openid: string, now: Date): Promise<UserDoc> {
  const existing = await findUser(db, openid);
  if (existing) return existing;
  const doc: UserDoc = { _id: openid, nickname: DEFAULT_NICKNAME, avatarFileId: null, orgId: null, createdAt: now, updatedAt: now };
  try {
    await db.collection(collections.users).add({ data: doc });
    return doc;
  } catch (error) {
    const raced = await findUser(db, openid);
    if (raced) return raced;
    throw error;
  }
}

export async function updateUser(db: Database, openid: string, patch: Partial<Pick<UserDoc, 'nickname' | 'avatarFileId' | 'pendingAvatarFileId' | 'orgId'>>, now: Date): Promise<void> {
  await db.collection(collections.users).doc(openid).update({ data: { ...patch, updatedAt: now } });
}

/**
 * Settles the avatar check of `fileId`, if it is still the worker's pending avatar: a pass makes it
 * the avatar, a refusal clears it. False when the worker has chosen another since (nothing changes).
 */
export async function settlePendingAvatar(db: Database, openid: string, fileId: string, passed: boolean, now: Date): Promise<boolean> {
  const patch = passed ? { avatarFileId: fileId, pendingAvatarFileId: null, updatedAt: now } : { pendingAvatarFileId: null, updatedAt: now };
  const { stats } = await db.collection(collections.users).where({ _id: openid, pendingAvatarFileId: fileId }).update({ data: patch });
  return stats.updated === 1;
}

export async function rolesOf(db: Database, openid: string): Promise<RoleDoc[]> {
  const { data } = await db.collection(collections.roles).where({ openid }).limit(100).get();
  return data as RoleDoc[];
}

/** The nicknames of these people (a page's worth): one point read per id, by _id. */
export async function nicknamesOf(db: Database, openids: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(openids)];
  if (ids.length === 0) return new Map();
  const _ = db.command;
  const { data } = await db.collection(collections.users).where({ _id: _.in(ids) }).field({ _id: true, nickname: true }).limit(ids.length).get();
  return new Map((data as Array<Pick<UserDoc, '_id' | 'nickname'>>).map((u) => [u._id, u.nickname]));
}
