import type { RequestCategory } from '../../contracts/requests/categories';
import type { OverdueKind } from '../../domain/requests/overdue';
import type { RequestEvent, RequestStatus } from '../../domain/requests/requestStatusMachine';
import type { Database, Transaction } from '../database';

/** Collection names of this domain (declared with their indexes in database/collections.json). */
export const requestCollections = { requests: 'requests', auditLog: 'audit_log', mediaChecks: 'media_checks' } as const;

/** Where a photo's image check stands: hidden from everyone else until it passed. */
export type PhotoCheckStatus = 'checking' | 'pass' | 'risky';

export interface TimelineEntry {
  at: Date;
  actor: 'worker' | 'cadre' | 'system';
  /** The acting openid: kept for audit, never shown to the worker. */
  actorOpenid: string | null;
  event: RequestEvent | 'submit' | 'escalate';
  from: RequestStatus | null;
  to: RequestStatus;
  orgId: string;
  note: string;
}

export interface RequestDoc {
  _id: string;
  openid: string;
  clientRequestId: string;
  category: RequestCategory;
  title: string;
  description: string;
  photos: string[];
  /**
   * The image check of each photo, keyed by WeChat's trace id. Absent on requests filed before
   * photos were checked (their photos count as passed).
   */
  photoChecks?: Record<string, { fileId: string; status: PhotoCheckStatus }>;
  contactName: string;
  contactMobile: string;
  place: string;
  orgId: string;
  status: RequestStatus;
  createdAt: Date;
  updatedAt: Date;
  /** When the request entered its current organisation's queue (SLA clocks start here). */
  queuedAt: Date;
  acceptDueAt: Date;
  resolveDueAt: Date;
  acceptedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  overdue: boolean;
  escalatedTo: string | null;
  rating: number | null;
  ratingComment: string | null;
  timeline: TimelineEntry[];
  /** The last notice's push: WeChat's errcode, or null when it was kept in the 消息 centre only (quota held for what matters more). */
  lastNotice: { at: Date; errcode: number | null } | null;
  /** A push committed with a change and not yet sent (claimed before sending): a retry sends it. */
  pendingNotice?: PendingNotice | null;
  /** The service-level time the overdue flag was raised for (absent on requests flagged before it was kept). */
  overdueKind?: OverdueKind;
  /**
   * Set with the overdue flag, cleared once every cadre's reminder is written and its push done:
   * a sweep that died in between leaves it, and the next sweep finishes the reminders.
   */
  remindPending?: boolean;
  /** Photo checks to start, committed with the request (cleared once started): a retry starts them. */
  photoChecksPending?: boolean;
  /** The named cadre handling it (console assignment); absent until assigned. */
  assigneeOpenid?: string | null;
  assigneeName?: string | null;
  /** 回访: the follow-up call after resolution, recorded once by a cadre. */
  followUp?: { outcome: FollowUpOutcome; note: string; at: Date; byOpenid: string } | null;
}

/**
 * A push committed with a change. `reserved`: a unit of the worker's quota was taken for it in the
 * same commit (absent on notices committed before the quota was kept: pushed without one).
 */
export interface PendingNotice {
  status: RequestStatus;
  note: string;
  event?: RequestEvent;
  reserved?: boolean;
}

export type FollowUpOutcome = 'satisfied' | 'basicallySatisfied' | 'unsatisfied' | 'unreachable';

/** Inserts the request; false when a request with this id exists (a repeated submission). */
export async function insertRequest(db: Database, doc: RequestDoc): Promise<boolean> {
  try {
    await db.collection(requestCollections.requests).add({ data: doc });
    return true;
  } catch (error) {
    if (await findRequest(db, doc._id)) return false;
    throw error;
  }
}

export async function findRequest(db: Database, id: string): Promise<RequestDoc | null> {
  const { data } = await db.collection(requestCollections.requests).where({ _id: id }).limit(1).get();
  return (data[0] as RequestDoc | undefined) ?? null;
}

/**
 * A page of a worker's own requests, newest first, after a (createdAt, _id) cursor (index
 * openid_1_createdAt_-1__id_-1): one query however deep the worker pages.
 */
export async function listRequestsOf(db: Database, openid: string, cursor: { value: Date; id: string } | undefined, limit: number): Promise<RequestDoc[]> {
  const _ = db.command;
  const where = cursor ? _.and([{ openid }, _.or([{ createdAt: _.lt(cursor.value) }, { createdAt: cursor.value, _id: _.lt(cursor.id) }])]) : { openid };
  const { data } = await db.collection(requestCollections.requests).where(where as Record<string, unknown>).orderBy('createdAt', 'desc').orderBy('_id', 'desc').limit(limit).get();
  return data as RequestDoc[];
}

/** Whether one of the worker's own requests shows this file among its photos (the index on openid keeps it to the worker's requests). */
export async function requestOfWorkerShows(db: Database, openid: string, fileId: string): Promise<boolean> {
  const { data } = await db.collection(requestCollections.requests).where({ openid, photos: fileId }).field({ _id: true }).limit(1).get();
  return data.length > 0;
}

export interface QueueFilter {
  orgIds: string[];
  status?: RequestStatus;
  category?: RequestCategory;
  overdue?: boolean;
}

/** Reads the request inside a transaction (its state is re-checked there) and writes the patch. */
export async function readInTransaction(t: Transaction, id: string): Promise<RequestDoc | null> {
  try {
    const { data } = await t.collection(requestCollections.requests).doc(id).get();
    return (data as RequestDoc | null) ?? null;
  } catch (error) {
    // wx-server-sdk rejects a doc().get() of a missing document (throwOnNotFound): that is "absent".
    if (/does not exist/.test(String((error as { errMsg?: unknown })?.errMsg ?? (error as Error)?.message ?? error))) return null;
    throw error;
  }
}

export async function writeInTransaction(db: Database, t: Transaction, id: string, patch: Partial<RequestDoc>, entry: TimelineEntry): Promise<void> {
  await t.collection(requestCollections.requests).doc(id).update({ data: { ...patch, timeline: db.command.push([entry]) } });
}

export async function recordNotice(db: Database, id: string, notice: { at: Date; errcode: number | null }): Promise<void> {
  await db.collection(requestCollections.requests).doc(id).update({ data: { lastNotice: db.command.set(notice) } });
}

/** Takes the request's pending notice for sending: true for the one caller that cleared it. */
export async function claimPendingNotice(db: Database, id: string): Promise<boolean> {
  const _ = db.command;
  const { stats } = await db.collection(requestCollections.requests).where({ _id: id, pendingNotice: _.neq(null) }).update({ data: { pendingNotice: null } });
  return stats.updated === 1;
}

export async function writeAudit(db: Database, entry: { at: Date; actorOpenid: string; action: string; requestId?: string; orgId?: string; target?: string }): Promise<void> {
  await db.collection(requestCollections.auditLog).add({ data: entry });
}
