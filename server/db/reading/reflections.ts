import { createHash } from 'node:crypto';
import type { ReflectionStatus } from '../../contracts/reading';
import type { Database } from '../database';
import { readingCollections } from './readingCollections';

export interface ReflectionDoc {
  _id: string;
  openid: string;
  storyId: string;
  nickname: string;
  text: string;
  status: ReflectionStatus;
  createdAt: Date;
  /** The author's organisation when they wrote it (null: none): moderation is scoped by it. */
  authorOrgId?: string | null;
  moderatedBy?: string;
  moderatedAt?: Date;
  /** Why it was rejected, if the moderator said: shown to its author. */
  rejectReason?: string | null;
}

const reflections = readingCollections.reflections;

/** The id of a submission: stable for a retry, and it does not reveal the author's openid. */
export function reflectionId(openid: string, clientRequestId: string): string {
  return createHash('sha256').update(`${openid}:${clientRequestId}`).digest('hex').slice(0, 32);
}

export async function findReflection(db: Database, id: string): Promise<ReflectionDoc | null> {
  const { data } = await db.collection(reflections).where({ _id: id }).limit(1).get();
  return (data[0] as ReflectionDoc | undefined) ?? null;
}

/** Adds once; a retry with the same id finds the first. */
export async function addReflection(db: Database, doc: ReflectionDoc): Promise<ReflectionDoc> {
  try {
    await db.collection(reflections).add({ data: doc });
    return doc;
  } catch (error) {
    const existing = await findReflection(db, doc._id);
    if (existing) return existing;
    throw error;
  }
}

/**
 * Approved on a story, newest first, after a (createdAt, _id) cursor (index
 * storyId_1_status_1_createdAt_-1__id_-1).
 */
export async function approvedOn(db: Database, storyId: string, cursor: { value: Date; id: string } | undefined, limit: number): Promise<ReflectionDoc[]> {
  const _ = db.command;
  const filter = { storyId, status: 'approved' };
  const where = cursor ? _.and([filter, _.or([{ createdAt: _.lt(cursor.value) }, { createdAt: cursor.value, _id: _.lt(cursor.id) }])]) : filter;
  const { data } = await db.collection(reflections).where(where as Record<string, unknown>).orderBy('createdAt', 'desc').orderBy('_id', 'desc').limit(limit).get();
  return data as ReflectionDoc[];
}

/** The states a worker sees only on their own reflections (the approved ones are in the story's list). */
const NOT_APPROVED: ReflectionStatus[] = ['pending', 'rejected'];

/**
 * The worker's own not-yet-approved ones on a story, newest first, after a (createdAt, _id) cursor
 * (index openid_1_storyId_1_status_1_createdAt_-1__id_-1: one walk per state, merged in order). The
 * state is filtered by the query, so a page is full whenever more remain.
 */
export async function mineAfter(db: Database, openid: string, storyId: string, cursor: { value: Date; id: string } | undefined, limit: number): Promise<ReflectionDoc[]> {
  const _ = db.command;
  const filter = { openid, storyId, status: _.in(NOT_APPROVED) };
  // The plain bound on the sort key lets the index walk start at the cursor (the $or alone would not).
  const where = cursor ? _.and([{ ...filter, createdAt: _.lte(cursor.value) }, _.or([{ createdAt: _.lt(cursor.value) }, { createdAt: cursor.value, _id: _.lt(cursor.id) }])]) : filter;
  const { data } = await db.collection(reflections).where(where as Record<string, unknown>).orderBy('createdAt', 'desc').orderBy('_id', 'desc').limit(limit).get();
  return data as ReflectionDoc[];
}

/**
 * At most this many organisations per `$in`: MongoDB merges one sorted index walk per value for up to
 * 200 of them; past that it reads every match and sorts in memory (internalQueryMaxScansToExplode).
 */
const ORGS_PER_QUERY = 200;

const queueOrder = (a: ReflectionDoc, b: ReflectionDoc) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime() || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);

async function pendingPage(db: Database, cursor: { value: Date; id: string } | undefined, limit: number, authorOrgIds: readonly string[] | undefined): Promise<ReflectionDoc[]> {
  const _ = db.command;
  const filter = { status: 'pending', ...(authorOrgIds ? { authorOrgId: _.in([...authorOrgIds]) } : {}) };
  // The plain bound on the sort key lets the index walk start at the cursor (the $or alone would not).
  const where = cursor ? _.and([{ ...filter, createdAt: _.gte(cursor.value) }, _.or([{ createdAt: _.gt(cursor.value) }, { createdAt: cursor.value, _id: _.gt(cursor.id) }])]) : filter;
  const { data } = await db.collection(reflections).where(where as Record<string, unknown>).orderBy('createdAt', 'asc').orderBy('_id', 'asc').limit(limit).get();
  return data as ReflectionDoc[];
}

/**
 * The moderation queue, oldest first, after a (createdAt, _id) cursor: all of it (index
 * status_1_createdAt_1__id_1), or only the authors of the given organisations (index
 * status_1_authorOrgId_1_createdAt_1__id_1). However many organisations, none is left out: they are
 * asked ORGS_PER_QUERY at a time, each query the page after the cursor, and the pages are merged by
 * the sort key, so the first `limit` of the merge are the first `limit` of the whole queue.
 */
export async function pendingAfter(db: Database, cursor: { value: Date; id: string } | undefined, limit: number, authorOrgIds?: readonly string[]): Promise<ReflectionDoc[]> {
  if (!authorOrgIds) return pendingPage(db, cursor, limit, undefined);
  const ids = [...new Set(authorOrgIds)];
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += ORGS_PER_QUERY) chunks.push(ids.slice(i, i + ORGS_PER_QUERY));
  const pages = await Promise.all(chunks.map((chunk) => pendingPage(db, cursor, limit, chunk)));
  return pages.flat().sort(queueOrder).slice(0, limit);
}

/**
 * Decides a pending reflection and writes its audit entry in one transaction (both or neither, so a
 * call that dies half way leaves it pending for the retry); false when it was decided already.
 */
export async function decide(db: Database, id: string, status: ReflectionStatus, cadre: string, now: Date, reason: string | null = null): Promise<boolean> {
  return db.runTransaction(async (t) => {
    const current = (await t.collection(reflections).doc(id).get()).data as ReflectionDoc | null;
    if (!current || current.status !== 'pending') return false;
    await t.collection(reflections).doc(id).update({ data: { status, moderatedBy: cadre, moderatedAt: now, ...(reason ? { rejectReason: reason } : {}) } });
    // One decision per reflection: its id names the entry.
    await t.collection(readingCollections.auditLog).doc(`reflection.${status}|${id}`).set({ data: { at: now, actorOpenid: cadre, action: `reflection.${status}`, target: id, ...(reason ? { detail: reason } : {}) } });
    return true;
  });
}

export async function writeAudit(db: Database, entry: { at: Date; actorOpenid: string; action: string; target: string }): Promise<void> {
  await db.collection(readingCollections.auditLog).add({ data: entry });
}
