import type { MessageDoc } from '../../domain/notices/messageDoc';
import { collections } from '../collections';
import type { Database, Transaction } from '../database';

function fieldsOf(message: MessageDoc): Omit<MessageDoc, '_id'> {
  const { _id: _ignored, ...fields } = message;
  return fields;
}

/** Writes the message in the transaction that makes the change it tells of (set by id: a retry writes it again, unchanged). */
export async function putMessageIn(t: Transaction, message: MessageDoc): Promise<void> {
  await t.collection(collections.messages).doc(message._id).set({ data: fieldsOf(message) });
}

/** Inside a transaction: the message as it stands (the read joins the transaction), null when absent. */
export async function findMessageIn(t: Transaction, id: string): Promise<MessageDoc | null> {
  try {
    const { data } = await t.collection(collections.messages).doc(id).get();
    return (data as MessageDoc | null) ?? null;
  } catch (error) {
    // wx-server-sdk rejects a doc().get() of a missing document: that is "absent".
    if (/does not exist/.test(String((error as { errMsg?: unknown })?.errMsg ?? (error as Error)?.message ?? error))) return null;
    throw error;
  }
}

/** Takes the message's pending push for sending: true for the one caller that moved it on. */
export async function claimPush(db: Database, id: string): Promise<boolean> {
  const { stats } = await db.collection(collections.messages).where({ _id: id, push: 'pending' }).update({ data: { push: 'claimed' } });
  return stats.updated === 1;
}

/** What became of a claimed push. */
export async function recordPush(db: Database, id: string, errcode: number): Promise<void> {
  await db.collection(collections.messages).where({ _id: id, push: 'claimed' }).update({ data: { push: errcode === 0 ? 'sent' : 'failed' } });
}

/** A page of the person's messages, newest first, before a sort key (index openid_1_sortKey_-1). */
export async function messagePage(db: Database, openid: string, before: string | undefined, limit: number): Promise<MessageDoc[]> {
  const _ = db.command;
  const where = before ? { openid, sortKey: _.lt(before) } : { openid };
  const { data } = await db.collection(collections.messages).where(where).orderBy('sortKey', 'desc').limit(limit).get();
  return data as MessageDoc[];
}

/** Unread messages (index openid_1_read_1: the count walks only the unread keys). */
export async function unreadCountOf(db: Database, openid: string): Promise<number> {
  const { total } = await db.collection(collections.messages).where({ openid, read: false }).count();
  return total;
}

/** Marks one of the person's messages read (another person's id matches nothing); false if none changed. */
export async function markRead(db: Database, openid: string, messageId: string, now: Date): Promise<boolean> {
  const { stats } = await db.collection(collections.messages).where({ _id: messageId, openid, read: false }).update({ data: { read: true, readAt: now } });
  return stats.updated === 1;
}

/** Marks all the person's unread messages read. */
export async function markAllRead(db: Database, openid: string, now: Date): Promise<number> {
  const { stats } = await db.collection(collections.messages).where({ openid, read: false }).update({ data: { read: true, readAt: now } });
  return stats.updated;
}

/** Whether the message exists and is the person's. */
export async function isMessageOf(db: Database, openid: string, messageId: string): Promise<boolean> {
  const { data } = await db.collection(collections.messages).where({ _id: messageId, openid }).limit(1).get();
  return data.length === 1;
}
