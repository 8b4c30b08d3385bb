import type { PagePreview } from '../previewTypes';
import { cadreMoves, fileRequest } from '../stateHelpers';

/** 消息: empty, notices of a request's progress (unread, one read), and the error state. */
export const messages: PagePreview = {
  page: 'pages/messages/index',
  states: [
    { name: 'empty' },
    {
      name: 'content',
      async setup(context) {
        const requestId = await fileRequest(context);
        await cadreMoves(context, requestId, ['accept', 'start', 'reply']);
        const listed = await context.invoke<{ messages: Array<{ id: string }> }>('account', 'listMessages', {});
        const oldest = listed.messages[listed.messages.length - 1];
        if (oldest) await context.invoke('account', 'markMessagesRead', { messageId: oldest.id });
      },
    },
    { name: 'error', offline: true },
  ],
};
