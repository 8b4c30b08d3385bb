import type { PagePreview, PreviewState } from '../previewTypes';
import { cadreMoves, fileRequest } from '../stateHelpers';

export const requestForm: PagePreview = {
  page: 'pages/requests/form/index',
  states: [{ name: 'empty' }, { name: 'category', query: { category: 'migrantWages' } }, { name: 'error', offline: true }],
};

export const requestList: PagePreview = {
  page: 'pages/requests/list/index',
  states: [
    { name: 'empty' },
    {
      name: 'content',
      async setup(context) {
        const first = await fileRequest(context);
        await cadreMoves(context, first, ['accept', 'start']);
        await fileRequest(context, { category: 'legalAid', title: '劳动合同到期不续签怎么办' });
      },
    },
    { name: 'error', offline: true },
  ],
};

/** A request in each status the worker can meet. */
const statuses: Array<{ name: string; moves: Parameters<typeof cadreMoves>[2]; then?: 'withdraw' | 'confirm' | 'rate' | 'reopen' }> = [
  { name: 'submitted', moves: [] },
  { name: 'withdrawn', moves: [], then: 'withdraw' },
  { name: 'accepted', moves: ['accept'] },
  { name: 'in-progress', moves: ['accept', 'start', 'reply'] },
  { name: 'resolved', moves: ['accept', 'start', 'resolve'] },
  { name: 'reopened', moves: ['accept', 'start', 'resolve'], then: 'reopen' },
  { name: 'closed-rated', moves: ['accept', 'start', 'resolve'], then: 'rate' },
  { name: 'declined', moves: ['decline'] },
];

function statusState(status: (typeof statuses)[number], view: 'worker' | 'cadre'): PreviewState {
  return {
    name: status.name,
    async setup(context) {
      const worker = view === 'worker' ? context.openid : `preview-worker-for-${context.openid}`;
      const requestId = await fileRequest({ ...context, invoke: (name, action, input, openid) => context.invoke(name, action, input, openid ?? worker) });
      await cadreMoves(context, requestId, status.moves);
      if (status.then === 'withdraw') await context.invoke('requests', 'withdraw', { requestId }, worker);
      if (status.then === 'reopen') await context.invoke('requests', 'reopen', { requestId, reason: '工资只结清了一半,还差两个月。' }, worker);
      if (status.then === 'rate') await context.invoke('requests', 'rate', { requestId, stars: 5, comment: '办得及时,谢谢工会!' }, worker);
      return { requestId };
    },
  };
}

export const requestDetail: PagePreview = {
  page: 'pages/requests/detail/index',
  states: [...statuses.map((s) => statusState(s, 'worker')), { name: 'error', offline: true, query: { requestId: 'missing' } }],
};

export const cadreRequestDetail: PagePreview = {
  page: 'cadre/requests/detail/index',
  states: statuses.filter((s) => s.name !== 'withdrawn').map((s) => ({ ...statusState(s, 'cadre'), openid: 'preview-cadre-xining' })),
};

