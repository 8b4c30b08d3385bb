import type { PagePreview } from '../previewTypes';
import { cadreMoves, fileRequest, firstStoryId, xiningCadre } from '../stateHelpers';

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

/** Requests of Xining in several states: two waiting, one being worked on, two resolved and followed up (once per run). */
let dashboardSeeded = false;
async function seedDashboard(context: Parameters<typeof xiningCadre>[0]): Promise<void> {
  await xiningCadre(context);
  if (dashboardSeeded) return;
  dashboardSeeded = true;
  const asWorker = (n: number): typeof context => ({ ...context, invoke: (name, action, input, openid) => context.invoke(name, action, input, openid ?? `preview-dashboard-worker-${n}`) });
  const ids: string[] = [];
  const forms = [
    { category: 'migrantWages', title: '工地拖欠三个月工资' },
    { category: 'legalAid', title: '劳动合同到期不续签' },
    { category: 'joinUnion', title: '新就业形态劳动者申请入会' },
    { category: 'skills', title: '想报名焊工技能培训' },
    { category: 'migrantWages', title: '外卖骑手被扣押金' },
  ];
  for (const [n, form] of forms.entries()) ids.push(await fileRequest(asWorker(n), form));
  await cadreMoves(context, ids[0] as string, ['accept', 'start', 'reply', 'resolve']);
  await cadreMoves(context, ids[2] as string, ['accept', 'resolve']);
  await cadreMoves(context, ids[3] as string, ['accept', 'start']);
  const cadreId = await xiningCadre(context);
  await context.invoke('requests', 'followUp', { requestId: ids[0], outcome: 'satisfied', note: '' }, cadreId);
  await context.invoke('requests', 'followUp', { requestId: ids[2], outcome: 'basicallySatisfied', note: '' }, cadreId);
}

export const cadreDashboard: PagePreview = {
  page: 'cadre/requests/dashboard/index',
  states: [
    { name: 'content', openid: cadre, setup: seedDashboard },
    // The province's admin: a line for each city's union.
    { name: 'province', openid: admin, setup: async (context) => { await seedDashboard(context); await grantAdmin(context); } },
    { name: 'empty', setup: (context) => context.grantRole(context.openid, 'qh-yushu') },
    { name: 'error', openid: cadre, offline: true, setup: grantCadre },
  ],
};
let adminGranted = false;
async function grantAdmin(context: Parameters<typeof xiningCadre>[0]): Promise<void> {
  if (!adminGranted) await context.grantRole(admin, null, 'admin');
  adminGranted = true;
}

export const cadreRoles: PagePreview = { page: 'cadre/requests/roles/index', states: [{ name: 'admin', openid: admin, setup: grantAdmin }] };
export const cadreModeration: PagePreview = {
  page: 'cadre/reading/moderation/index',
  states: [
    { name: 'content', openid: cadre, setup: grantCadre },
    {
      // 不通过 asks the reason its author will read: a common one picked into the box.
      name: 'reject-reason',
      async setup(context) {
        await context.grantRole(context.openid, 'qh');
        const storyId = await firstStoryId(context, 'qinghai');
        await context.invoke('reading', 'writeReflection', { storyId, text: '读了这个故事,深受感动,要向劳模学习,在岗位上多作贡献。', clientRequestId: `preview-reject-${Date.now()}` }, 'preview-reflection-author');
      },
      async act(page) {
        const items = page.data.items as Array<{ id: string }>;
        const instance = page.instance as unknown as Methods;
        instance.onReject?.({ currentTarget: { dataset: { id: items[0]?.id ?? '' } } });
        instance.onReasonPreset?.({ currentTarget: { dataset: { reason: '与故事内容无关' } } });
      },
    },
  ],
};
/** Three workers ask to join Xining's unions (once per run): the Xining cadre's 入会审核 queue. */
let joinsSeeded = false;
async function seedJoins(context: Parameters<typeof xiningCadre>[0]): Promise<void> {
  await xiningCadre(context);
  if (joinsSeeded) return;
  joinsSeeded = true;
  for (const [n, nickname] of ['高原焊工', '马师傅', '城北快递员'].entries()) {
    const worker = `preview-join-worker-${n}`;
    await context.invoke('account', 'updateProfile', { nickname }, worker);
    await context.invoke('account', 'requestOrgJoin', { orgId: 'qh-xining' }, worker);
  }
}

export const cadreMembership: PagePreview = {
  page: 'cadre/membership/index',
  states: [
    { name: 'content', openid: cadre, setup: seedJoins },
    {
      name: 'confirm-reject',
      openid: cadre,
      setup: seedJoins,
      async act(page) {
        const first = (page.data.items as Array<{ openid: string }>)[0];
        (page.instance as unknown as Methods).onReject?.({ currentTarget: { dataset: { openid: first?.openid ?? '' } } });
      },
    },
    // A cadre of 黄南, where nobody has asked.
    { name: 'empty', setup: (context) => context.grantRole(context.openid, 'qh-huangnan') },
    { name: 'error', openid: cadre, offline: true, setup: grantCadre },
  ],
};
export const cadreStories: PagePreview = { page: 'cadre/reading/stories/index', states: [{ name: 'content', openid: admin, setup: (context) => grantAdmin(context) }] };
/** The Xining cadre's contests: one running with three papers in, one tomorrow, one ended early (set up once per run). */
let contestsSeeded = false;
async function seedContests(context: Parameters<typeof xiningCadre>[0]): Promise<void> {
  await xiningCadre(context);
  if (contestsSeeded) return;
  contestsSeeded = true;
  const now = Date.now();
  const day = 86_400_000;
  const iso = (ms: number) => new Date(ms).toISOString();
  const contest = (title: string, startsAt: number, endsAt: number) => ({ title, startsAt: iso(startsAt), endsAt: iso(endsAt), histories: ['party', 'prc', 'reform', 'socialism', 'labor'], questionCount: 10, timeLimitSeconds: 300, orgIds: ['qh-xining'] });
  const ended = await context.invoke<{ contestId: string }>('quiz', 'createContest', contest('西宁市劳模精神知识竞赛', now - 2 * day, now + day), cadre);
  await context.invoke('quiz', 'closeContest', { contestId: ended.contestId }, cadre);
  await context.invoke('quiz', 'createContest', contest('西宁市职工学党史竞赛(第三期)', now + day, now + 8 * day), cadre);
  const running = await context.invoke<{ contestId: string }>('quiz', 'createContest', contest('西宁市“读四史”知识竞赛(第二期)', now - 3600_000, now + 6 * day), cadre);
  // Three workers of Xining take it: members by the admin's roster import.
  const workers = ['preview-contest-worker-1', 'preview-contest-worker-2', 'preview-contest-worker-3'];
  await grantAdmin(context);
  await context.invoke('account', 'importRoster', { orgId: 'qh-xining', openids: workers }, admin);
  for (const worker of workers) {
    const paper = await context.invoke<{ attemptId: string }>('quiz', 'startContest', { contestId: running.contestId }, worker);
    await context.invoke('quiz', 'submitAttempt', { attemptId: paper.attemptId, answers: [] }, worker);
  }
}

type Methods = Record<string, (...args: unknown[]) => unknown>;

export const cadreContests: PagePreview = {
  page: 'cadre/contests/index',
  states: [
    { name: 'content', openid: cadre, setup: seedContests },
    {
      name: 'participation',
      openid: cadre,
      setup: seedContests,
      async act(page) {
        const running = (page.data.items as Array<{ id: string; status: string }>).find((c) => c.status === 'running');
        await (page.instance as unknown as Methods).onParticipation?.({ currentTarget: { dataset: { id: running?.id ?? '' } } });
      },
    },
    {
      name: 'confirm-close',
      openid: cadre,
      setup: seedContests,
      async act(page) {
        const items = page.data.items as Array<{ id: string; status: string }>;
        const index = items.findIndex((c) => c.status === 'running');
        (page.instance as unknown as Methods).onAskClose?.({ currentTarget: { dataset: { id: items[index]?.id ?? '', index } } });
      },
    },
    {
      name: 'new-contest',
      openid: cadre,
      setup: seedContests,
      async act(page) {
        (page.instance as unknown as Methods).onOpenForm?.();
      },
    },
    {
      // The province's admin on 我管辖的: the Xining cadre's contests, each with its creator.
      name: 'managed',
      openid: admin,
      setup: seedContests,
      async act(page) {
        (page.instance as unknown as Methods).onScope?.({ detail: { value: 'managed' } });
      },
    },
    { name: 'empty', setup: asCadre },
    { name: 'error', openid: cadre, offline: true, setup: grantCadre },
  ],
};

/** Opened by scanning the web console's login code: an unknown or expired code. */
export const cadreConsoleLogin: PagePreview = {
  page: 'cadre/consoleLogin/index',
  states: [{ name: 'unknown-code', openid: cadre, setup: grantCadre, query: { scene: 'no-such-login' } }],
};
