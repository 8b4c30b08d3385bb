import { insertDocument } from '../harness/pageCloud';
import type { PreviewContext, PreviewState } from './previewTypes';

/** The states every page has: what a worker sees with content, and without network. */
export const contentAndError: PreviewState[] = [{ name: 'content' }, { name: 'error', offline: true }];

let sequence = 0;

/** A worker files a request (as the viewer) and gets its id back. */
export async function fileRequest(context: PreviewContext, overrides: Record<string, unknown> = {}): Promise<string> {
  sequence += 1;
  const request = await context.invoke<{ id: string }>('requests', 'submit', {
    category: 'migrantWages',
    title: '工地拖欠三个月工资',
    description: '城北区某工地拖欠我们班组三个月工资,多次讨要未果,希望工会帮助协调。',
    contactName: '马师傅',
    contactMobile: '13812341234',
    orgId: 'qh-xining',
    place: '西宁市城北区',
    clientRequestId: `preview-${sequence}-${Date.now()}`,
    ...overrides,
  });
  return request.id;
}

/** A cadre of the request's organisation, granted once per run. */
export async function xiningCadre(context: PreviewContext): Promise<string> {
  const openid = 'preview-cadre-xining';
  if (!granted.has(openid)) {
    await context.grantRole(openid, 'qh-xining');
    granted.add(openid);
  }
  return openid;
}
const granted = new Set<string>();

/** Moves a request as its cadre: accept, start, reply, resolve, decline, transfer. */
export async function cadreMoves(context: PreviewContext, requestId: string, moves: Array<'accept' | 'start' | 'reply' | 'resolve' | 'decline'>): Promise<void> {
  const cadre = await xiningCadre(context);
  const notes: Record<string, string> = {
    accept: '已受理,将于三个工作日内联系您核实情况。',
    start: '已联系施工单位负责人,正在协调。',
    reply: '施工单位承诺本月底前结清。',
    resolve: '工资已于本周结清,请您确认。',
    decline: '该事项不属于工会受理范围,建议向劳动监察部门反映。',
  };
  for (const move of moves) await context.invoke('requests', move, { requestId, note: notes[move] }, cadre);
}

/** The first story of a theme (seeded content). */
export async function firstStoryId(context: PreviewContext, theme = 'founding'): Promise<string> {
  const page = await context.invoke<{ stories: Array<{ id: string }> }>('reading', 'listStories', { theme, limit: 1 });
  return page.stories[0].id;
}

/**
 * A request of the worker's that waited ten days in 西宁's queue, past its two-day acceptance time
 * and marked overdue, as the timer leaves it (the cloud's clock cannot be moved back).
 */
export async function overdueRequest(openid: string): Promise<string> {
  sequence += 1;
  const id = `preview-overdue-${sequence}-${Date.now()}`;
  const at = (ms: number) => ({ $date: new Date(ms).toISOString() });
  const filed = Date.now() - 10 * 86400000;
  await insertDocument('requests', {
    _id: id, openid, clientRequestId: id, category: 'safety', title: '车间噪音超标', description: '冲压车间噪音很大,没有发耳塞,工友们反映多次没有解决。',
    photos: [], contactName: '李师傅', contactMobile: '13912345678', place: '西宁市城东区', orgId: 'qh-xining', status: 'submitted',
    createdAt: at(filed), updatedAt: at(filed), queuedAt: at(filed), acceptDueAt: at(filed + 2 * 86400000), resolveDueAt: at(filed + 20 * 86400000),
    acceptedAt: null, resolvedAt: null, closedAt: null, overdue: true, escalatedTo: null, rating: null, ratingComment: null,
    timeline: [{ at: at(filed), actor: 'worker', actorOpenid: openid, event: 'submit', from: null, to: 'submitted', orgId: 'qh-xining', note: '' }],
    lastNotice: null,
  });
  return id;
}

/**
 * A grassroots union under 海北 for states that need a worker's own union, seeded once per run.
 * No page test adds unions under 海北, so no cascader path elsewhere changes.
 */
export const haibeiUnion = { id: 'qh-haibei-xihai', name: '西海煤电工会', parentId: 'qh-haibei' };
let haibeiSeeded: Promise<void> | null = null;

export function seedHaibeiUnion(): Promise<void> {
  haibeiSeeded ??= insertDocument('orgs', { _id: haibeiUnion.id, name: haibeiUnion.name, parentId: haibeiUnion.parentId, kind: 'grassroots', order: 90 });
  return haibeiSeeded;
}

export { unionWorker } from '../harness/pageCloud';
