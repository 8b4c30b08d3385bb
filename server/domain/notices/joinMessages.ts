import { messageIdOf, newMessage, type MessageDoc } from './messageDoc';

/** 我的, where the worker's organisation (or the declined request and its reason) shows. */
const mePage = 'pages/me/index';

/** What identifies one request: its worker and when it was made (a new request replaces the document). */
interface DecidedRequest {
  openid: string;
  orgName: string;
  requestedAt: Date;
}

/** One message per request, however often the decision is retried. */
export function joinOutcomeMessageId(request: DecidedRequest): string {
  return messageIdOf('joinOutcome', request.openid, String(new Date(request.requestedAt).getTime()));
}

/**
 * The worker's notice of a cadre's decision. It is kept in 消息 only: no subscription template
 * is registered for membership, and the worker sees the outcome on 我的 anyway.
 */
export function joinOutcomeMessage(request: DecidedRequest, approved: boolean, reason: string | null, at: Date): MessageDoc {
  return newMessage({
    _id: joinOutcomeMessageId(request),
    openid: request.openid,
    kind: 'joinOutcome',
    title: approved ? '入会申请已通过' : '入会申请未通过',
    summary: request.orgName,
    note: reason ?? '',
    page: mePage,
    requestId: null,
    createdAt: at,
  });
}

/**
 * The worker's notice that an admin's roster import made them a member (no request of theirs): kept
 * in 消息 like a decision. A retried import passes over those already members, so one notice each.
 */
export function rosterJoinMessage(member: { openid: string; orgName: string }, at: Date): MessageDoc {
  return newMessage({
    _id: joinOutcomeMessageId({ ...member, requestedAt: at }),
    openid: member.openid,
    kind: 'joinOutcome',
    title: '已加入工会',
    summary: member.orgName,
    note: '工会已按会员名册为你办理入会',
    page: mePage,
    requestId: null,
    createdAt: at,
  });
}
