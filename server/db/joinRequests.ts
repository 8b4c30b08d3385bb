import type { JoinRequestStatus } from '../contracts/account';
import { collections } from './collections';
import type { Database } from './database';

/** A worker's request to join an organisation: one document per worker (its id is the openid). */
export interface JoinRequestDoc {
  _id: string;
  openid: string;
  nickname: string;
  orgId: string;
  orgName: string;
  /** The organisation and every one above it: a cadre of any of them may decide. */
  orgChain: string[];
  status: JoinRequestStatus;
  via: 'request' | 'roster';
  requestedAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
  reason: string | null;
}

export async function findJoinRequest(db: Database, openid: string): Promise<JoinRequestDoc | null> {
  const { data } = await db.collection(collections.joinRequests).where({ _id: openid }).limit(1).get();
  return (data[0] as JoinRequestDoc | undefined) ?? null;
}

export async function putJoinRequest(db: Database, doc: JoinRequestDoc): Promise<void> {
  const { _id, ...data } = doc;
  await db.collection(collections.joinRequests).doc(_id).set({ data });
}

/** Pending requests under any of the given organisations (all of them for a province admin), oldest first. */
export async function pendingJoinRequests(db: Database, orgIds: readonly string[] | 'all', offset: number, limit: number): Promise<JoinRequestDoc[]> {
  const _ = db.command;
  const where = orgIds === 'all' ? { status: 'pending' } : { orgChain: _.in([...orgIds]), status: 'pending' };
  const { data } = await db.collection(collections.joinRequests).where(where).orderBy('requestedAt', 'asc').orderBy('_id', 'asc').skip(offset).limit(limit).get();
  return data as JoinRequestDoc[];
}
