import { createHash } from 'node:crypto';

/** What a message in the 消息 centre is about. */
export type MessageKind = 'requestStatus' | 'requestOverdue' | 'reportOutcome' | 'joinOutcome';

/**
 * One notice in a person's 消息 centre. Every notice is kept here whether or not a subscription
 * message could be pushed, so nothing is lost when the quota is out.
 */
export interface MessageDoc {
  /** messageIdOf(…): the same notice written twice (a retry) is one message. */
  _id: string;
  openid: string;
  kind: MessageKind;
  /** The headline, e.g. 诉求已办结. */
  title: string;
  /** What it is about, e.g. the request's title. */
  summary: string;
  /** The cadre's note or the detail; may be empty. */
  note: string;
  /** The mini program page it opens, without a leading slash (as subscription messages name pages). */
  page: string;
  requestId: string | null;
  createdAt: Date;
  /** createdAt as ISO text, then the id: the order of the list and its paging cursor (newest first). */
  sortKey: string;
  read: boolean;
  readAt: Date | null;
  /**
   * A push that goes with the message: 'pending' once a unit of quota is taken for it (in the
   * commit that writes the message), 'claimed' by the one caller that sends it, then what WeChat
   * answered. Absent: kept in the 消息 centre only.
   */
  push?: 'pending' | 'claimed' | 'sent' | 'failed';
}

/** A stable id from what identifies the notice (request, step, recipient…). */
export function messageIdOf(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32);
}

export function sortKeyOf(createdAt: Date, id: string): string {
  return `${createdAt.toISOString()}|${id}`;
}

/** A fresh, unread message. */
export function newMessage(fields: Omit<MessageDoc, 'sortKey' | 'read' | 'readAt'>): MessageDoc {
  return { ...fields, sortKey: sortKeyOf(fields.createdAt, fields._id), read: false, readAt: null };
}
