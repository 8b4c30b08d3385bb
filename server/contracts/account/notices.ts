import { z } from 'zod';
import { defineAction } from '../action';

/** What wx.requestSubscribeMessage answered for one template ('ban': the template is banned, 'filter': filtered by title). */
export type SubscribeResult = 'accept' | 'reject' | 'ban' | 'filter';

/**
 * The page reports what the person tapped in wx.requestSubscribeMessage: each 'accept' allows one
 * more message of that template (as WeChat counts). Only the project's templates are accepted;
 * identity is the caller's. Answers the units now left per template.
 */
export const recordSubscriptions = defineAction<{ quota: Record<string, number> }>()({
  input: z.strictObject({
    results: z
      .array(z.strictObject({ templateId: z.string().min(1).max(64), result: z.enum(['accept', 'reject', 'ban', 'filter']) }))
      .min(1)
      .max(3)
      .refine((results) => new Set(results.map((r) => r.templateId)).size === results.length, '每个模板只能出现一次'),
  }),
  errors: ['UNKNOWN_TEMPLATE'],
});

export type MessageKindView = 'requestStatus' | 'requestOverdue' | 'reportOutcome' | 'joinOutcome';

export interface MessageView {
  id: string;
  kind: MessageKindView;
  title: string;
  summary: string;
  note: string;
  /** The page to open, with a leading slash (e.g. /pages/requests/detail/index?requestId=…). */
  url: string;
  /** ISO time. */
  at: string;
  read: boolean;
}

/** Opaque cursor: a message's sort key (ISO time, '|', id). */
const cursor = z.string().min(1).max(80).regex(/^[0-9TZ:.+-]+\|[A-Za-z0-9_-]+$/);

/**
 * The caller's 消息 centre, newest first, a page at a time: `before` is the previous page's
 * `nextBefore`, so paging walks the openid+sortKey index instead of skipping.
 */
export const listMessages = defineAction<{ messages: MessageView[]; nextBefore: string | null; unread: number }>()({
  input: z.strictObject({ before: cursor.optional(), limit: z.number().int().min(1).max(50).optional() }),
});

/** How many of the caller's messages are unread (the badges on 我的 and the tab bar). */
export const unreadCount = defineAction<{ unread: number }>()({
  input: z.strictObject({}),
});

/** Marks one of the caller's messages read, or all of them; answers the unread count after. */
export const markMessagesRead = defineAction<{ unread: number }>()({
  input: z.union([z.strictObject({ messageId: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/) }), z.strictObject({ all: z.literal(true) })]),
  errors: ['MESSAGE_NOT_FOUND'],
});
