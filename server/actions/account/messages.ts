import { markMessagesRead as markContract, type listMessages as listContract, type MessageView, type unreadCount as countContract } from '../../contracts/account';
import { isMessageOf, markAllRead, markRead, messagePage, unreadCountOf } from '../../db/notices/messageStore';
import type { MessageDoc } from '../../domain/notices/messageDoc';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';

const defaultPage = 20;

function viewOf(message: MessageDoc): MessageView {
  return {
    id: message._id,
    kind: message.kind,
    title: message.title,
    summary: message.summary,
    note: message.note,
    url: `/${message.page}`,
    at: new Date(message.createdAt).toISOString(),
    read: message.read,
  };
}

export const listMessages: Handler<typeof listContract> = async (input, ctx) => {
  const limit = input.limit ?? defaultPage;
  // One more than asked tells whether another page exists without counting.
  const [found, unread] = await Promise.all([messagePage(ctx.db, ctx.openid, input.before, limit + 1), unreadCountOf(ctx.db, ctx.openid)]);
  const page = found.slice(0, limit);
  return { messages: page.map(viewOf), nextBefore: found.length > limit ? page[page.length - 1].sortKey : null, unread };
};

export const unreadCount: Handler<typeof countContract> = async (_input, ctx) => ({ unread: await unreadCountOf(ctx.db, ctx.openid) });

export const markMessagesRead: Handler<typeof markContract> = async (input, ctx) => {
  if ('all' in input) {
    await markAllRead(ctx.db, ctx.openid, ctx.now);
  } else if (!(await markRead(ctx.db, ctx.openid, input.messageId, ctx.now)) && !(await isMessageOf(ctx.db, ctx.openid, input.messageId))) {
    // Already read is fine; another person's message or none at all is the same answer.
    throw failWith(markContract, 'MESSAGE_NOT_FOUND', '消息不存在');
  }
  return { unread: await unreadCountOf(ctx.db, ctx.openid) };
};
