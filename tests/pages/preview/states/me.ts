import type { PagePreview } from '../previewTypes';
import { contentAndError, xiningCadre } from '../stateHelpers';

/** 我的: a first visit, a worker whose union approved them, no network. */
export const me: PagePreview = {
  page: 'pages/me/index',
  states: [
    ...contentAndError,
    { name: 'elder-mode', storage: { elderMode: true } },
    {
      name: 'profile',
      async setup(context) {
        await context.invoke('account', 'updateProfile', { nickname: '高原焊工' });
        await context.invoke('account', 'requestOrgJoin', { orgId: 'qh-xining' });
        await context.invoke('account', 'decideJoinRequest', { openid: context.openid, approve: true }, await xiningCadre(context));
      },
    },
  ],
};
