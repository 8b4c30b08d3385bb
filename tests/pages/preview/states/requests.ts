import type { PagePreview, PreviewState } from '../previewTypes';
import { cadreMoves, fileRequest, overdueRequest, xiningCadre } from '../stateHelpers';

export const requestForm: PagePreview = {
  page: 'pages/requests/form/index',
  states: [
    { name: 'empty' },
    { name: 'category', query: { category: 'migrantWages' } },
    {
      // Two photos chosen: the first uploaded, the second at 40 %.
      name: 'photos',
      query: { category: 'migrantWages' },
      async act(page) {
        const [done, uploading] = [scenePhoto('#8fb8de', '#7a6a55'), scenePhoto('#c9d6e3', '#5d7a4a')];
        const cloud = (globalThis as unknown as { wx: { cloud: Record<string, unknown> } }).wx.cloud;
        const uploadFile = cloud.uploadFile;
        cloud.uploadFile = ({ filePath, success }: { filePath: string; success(result: { fileID: string }): void }) => ({
          onProgressUpdate(listener: (res: { progress: number }) => void) {
            listener({ progress: filePath === done ? 100 : 40 });
            if (filePath === done) setTimeout(() => success({ fileID: 'cloud://local-dev/requests/preview/photo-0.jpg' }), 0);
          },
        });
        try {
          (page.instance as unknown as { onPhotosAdded(event: unknown): void }).onPhotosAdded({ detail: { files: [{ url: done, name: 'photo-0.jpg' }, { url: uploading, name: 'photo-1.jpg' }] } });
          await new Promise((resolve) => setTimeout(resolve, 50));
        } finally {
          cloud.uploadFile = uploadFile;
        }
      },
    },
    { name: 'error', offline: true },
  ],
};

/** A stand-in photo (sky, ground, sun) the browser can draw offline. */
function scenePhoto(sky: string, ground: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300"><rect width="300" height="300" fill="${sky}"/><rect y="190" width="300" height="110" fill="${ground}"/><circle cx="220" cy="80" r="34" fill="#f5d76e"/></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

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
const statuses: Array<{ name: string; moves: Parameters<typeof cadreMoves>[2]; then?: 'withdraw' | 'confirm' | 'rate' | 'reopen' | 'transfer' | 'overdue'; workerOnly?: boolean }> = [
  { name: 'submitted', moves: [] },
  { name: 'withdrawn', moves: [], then: 'withdraw' },
  { name: 'accepted', moves: ['accept'] },
  { name: 'in-progress', moves: ['accept', 'start', 'reply'] },
  { name: 'resolved', moves: ['accept', 'start', 'resolve'] },
  { name: 'reopened', moves: ['accept', 'start', 'resolve'], then: 'reopen' },
  { name: 'closed-rated', moves: ['accept', 'start', 'resolve'], then: 'rate' },
  { name: 'declined', moves: ['decline'] },
  // Handed to 海西's union: the filing union's cadre no longer sees it (a union no page test queues for).
  { name: 'transferred', moves: [], then: 'transfer', workerOnly: true },
  { name: 'overdue', moves: [], then: 'overdue' },
];

function statusState(status: (typeof statuses)[number], view: 'worker' | 'cadre'): PreviewState {
  return {
    name: status.name,
    async setup(context) {
      const worker = view === 'worker' ? context.openid : `preview-worker-for-${context.openid}`;
      if (status.then === 'overdue') return { requestId: await overdueRequest(worker) };
      const requestId = await fileRequest({ ...context, invoke: (name, action, input, openid) => context.invoke(name, action, input, openid ?? worker) });
      await cadreMoves(context, requestId, status.moves);
      if (status.then === 'withdraw') await context.invoke('requests', 'withdraw', { requestId }, worker);
      if (status.then === 'reopen') await context.invoke('requests', 'reopen', { requestId, reason: '工资只结清了一半,还差两个月。' }, worker);
      if (status.then === 'transfer') await context.invoke('requests', 'transfer', { requestId, toOrgId: 'qh-haixi', note: '您的诉求涉及属地单位,已转交海西州总工会办理。' }, await xiningCadre(context));
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
  states: statuses.filter((s) => s.name !== 'withdrawn' && !s.workerOnly).map((s) => ({ ...statusState(s, 'cadre'), openid: 'preview-cadre-xining' })),
};

