import type { PagePreview } from '../previewTypes';
import { fileRequest, xiningCadre } from '../stateHelpers';

const cadre = 'preview-cadre-xining';
const admin = 'preview-admin';

async function asCadre(context: Parameters<NonNullable<PagePreview['states'][number]['setup']>>[0]): Promise<void> {
  await context.grantRole(context.openid, 'qh-xining');
}

export const cadreHome: PagePreview = {
  page: 'cadre/home/index',
  states: [{ name: 'cadre', setup: asCadre }, { name: 'admin', setup: (context) => context.grantRole(context.openid, null, 'admin') }, { name: 'worker' }],
};

export const cadreQueue: PagePreview = {
  page: 'cadre/requests/queue/index',
  states: [
    { name: 'empty', setup: asCadre },
    {
      name: 'content',
      openid: cadre,
      async setup(context) {
        await xiningCadre(context);
        const invokeAsWorker = (n: number): typeof context => ({ ...context, invoke: (name, action, input, openid) => context.invoke(name, action, input, openid ?? `preview-queue-worker-${n}`) });
        await fileRequest(invokeAsWorker(1));
        await fileRequest(invokeAsWorker(2), { category: 'legalAid', title: '劳动合同到期不续签' });
      },
    },
  ],
};

const grantCadre = async (context: Parameters<typeof xiningCadre>[0]): Promise<void> => {
  await xiningCadre(context);
};

export const cadreDashboard: PagePreview = { page: 'cadre/requests/dashboard/index', states: [{ name: 'content', openid: cadre, setup: grantCadre }, { name: 'error', openid: cadre, offline: true, setup: grantCadre }] };
let adminGranted = false;
async function grantAdmin(context: Parameters<typeof xiningCadre>[0]): Promise<void> {
  if (!adminGranted) await context.grantRole(admin, null, 'admin');
  adminGranted = true;
}

export const cadreRoles: PagePreview = { page: 'cadre/requests/roles/index', states: [{ name: 'admin', openid: admin, setup: grantAdmin }] };
export const cadreModeration: PagePreview = { page: 'cadre/reading/moderation/index', states: [{ name: 'content', openid: cadre, setup: grantCadre }] };
export const cadreStories: PagePreview = { page: 'cadre/reading/stories/index', states: [{ name: 'content', openid: admin, setup: (context) => grantAdmin(context) }] };
export const cadreContests: PagePreview = { page: 'cadre/contests/index', states: [{ name: 'content', openid: cadre, setup: grantCadre }] };

/** Opened by scanning the web console's login code: an unknown or expired code. */
export const cadreConsoleLogin: PagePreview = {
  page: 'cadre/consoleLogin/index',
  states: [{ name: 'unknown-code', openid: cadre, setup: grantCadre, query: { scene: 'no-such-login' } }],
};
