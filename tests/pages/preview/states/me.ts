import type { PagePreview } from '../previewTypes';
import { contentAndError } from '../stateHelpers';

/** 我的: a first visit, a worker with a profile, no network. */
export const me: PagePreview = {
  page: 'pages/me/index',
  states: [
    ...contentAndError,
    {
      name: 'profile',
      async setup(context) {
        await context.invoke('account', 'updateProfile', { nickname: '高原焊工', orgId: 'qh-xining' });
      },
    },
  ],
};
