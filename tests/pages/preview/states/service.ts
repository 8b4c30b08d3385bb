import type { PagePreview } from '../previewTypes';
import { contentAndError, fileRequest, xiningCadre } from '../stateHelpers';

/** 办实事: a first visit, a worker with a request being handled, a cadre (诉求受理), no network. */
export const service: PagePreview = {
  page: 'pages/service/index',
  states: [
    ...contentAndError,
    {
      name: 'request',
      async setup(context) {
        const requestId = await fileRequest(context);
        await context.invoke('requests', 'accept', { requestId, note: '已受理,将于三个工作日内联系您核实情况。' }, await xiningCadre(context));
      },
    },
    {
      name: 'cadre',
      openid: 'preview-cadre-xining',
      async setup(context) {
        await xiningCadre(context);
      },
    },
  ],
};
