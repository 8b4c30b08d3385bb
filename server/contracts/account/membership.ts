import { z } from 'zod';
import { defineAction } from '../action';
import { id } from '../fields';

/**
 * Organisation membership is granted, never declared: a worker asks to join, a cadre of that
 * organisation (or of one above it) approves or declines, or an admin imports a roster. The
 * approved organisation is the profile's `orgId`, which contests and organisation boards use.
 */
export type JoinRequestStatus = 'pending' | 'approved' | 'declined';

export interface JoinRequestView {
  openid: string;
  nickname: string;
  orgId: string;
  orgName: string;
  status: JoinRequestStatus;
  requestedAt: string;
  decidedAt: string | null;
  /** Why a cadre declined, shown to the worker. */
  reason: string | null;
}

/** A pending request as the cadre's 入会审核 lists it: the worker's avatar when they have one that passed the check. */
export interface PendingJoinRequest extends JoinRequestView {
  avatarUrl: string | null;
}

/** A worker asks to join an organisation; an earlier pending request is replaced. */
export const requestOrgJoin = defineAction<{ request: JoinRequestView }>()({
  input: z.strictObject({ orgId: id }),
  errors: ['ORG_NOT_FOUND', 'ALREADY_MEMBER', 'NOT_JOINABLE'],
});

/**
 * The pending requests a cadre may decide (their organisations and those below), oldest first, a
 * page at a time: `cursor` is the previous page's `nextCursor` (opaque: the last request's time and
 * id, so requests made in the same millisecond are never split by a page break and lost).
 */
export const listJoinRequests = defineAction<{ items: PendingJoinRequest[]; nextCursor: string | null }>()({
  input: z.strictObject({ cursor: z.string().max(200).optional(), limit: z.number().int().min(1).max(50).optional() }),
});

/** How many requests wait for the cadre (the badge on the cadre desk's 入会审核). */
export const countJoinRequests = defineAction<{ pending: number }>()({
  input: z.strictObject({}),
});

/**
 * A cadre approves or declines a pending request; deciding it again the same way changes nothing.
 * The worker finds the outcome (and a decline's reason) in 消息.
 */
export const decideJoinRequest = defineAction<{ request: JoinRequestView }>()({
  input: z.strictObject({ openid: id, approve: z.boolean(), reason: z.string().trim().max(100).optional() }),
  errors: ['REQUEST_NOT_FOUND', 'ALREADY_DECIDED'],
});

/**
 * An admin's roster import: the listed workers (by openid, as exported from the union's member
 * list of the mini program) become approved members of the organisation at once.
 */
export const importRoster = defineAction<{ approved: number; unchanged: number }>()({
  input: z.strictObject({ orgId: id, openids: z.array(id).min(1).max(500) }),
  errors: ['ORG_NOT_FOUND', 'NOT_JOINABLE'],
});
