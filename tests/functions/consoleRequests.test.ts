import { connectSdk } from '../localcloud/helpers/testCloud';
import type { DeskStats, QueueItem, RequestDetail } from '../../server/contracts/requests';
import { ConsoleClient } from './harness/consoleClient';
import { startFunctionCloud, type FunctionCloud } from './harness/functionCloud';
import { joinByRoster } from './harness/membership';
import { requestForm } from './harness/requestForm';

jest.setTimeout(120000);

let fc: FunctionCloud;
let desk: ConsoleClient;
const ids: string[] = [];

function ok<T>(reply: { ok: true; data: T } | { ok: false; code: string; message: string }): T {
  if (!reply.ok) throw new Error(`${reply.code}: ${reply.message}`);
  return reply.data;
}

beforeAll(async () => {
  fc = await startFunctionCloud();
  const { db } = connectSdk(fc.cloud);
  await db.collection('roles').add({ data: { _id: 'cadre-qh-xining-cr-cadre', openid: 'cr-cadre', role: 'cadre', orgId: 'qh-xining', grantedBy: 'setup', grantedAt: new Date() } });
  await fc.call('cr-cadre', 'account', 'updateProfile', { nickname: '李干事' });
  await joinByRoster(fc, 'cr-cadre', 'qh-xining');
  for (const [title, mobile] of [['工地拖欠三个月工资', '13812340001'], ['申请困难职工帮扶', '13812340002'], ['劳动合同纠纷咨询', '13912345678']] as const) {
    const filed = await fc.call('cr-worker', 'requests', 'submit', requestForm({ title, contactMobile: mobile }));
    if (!filed.ok) throw new Error(filed.message);
    ids.push(filed.data.id);
  }
  desk = new ConsoleClient(fc.cloud);
  await desk.logInAs('cr-cadre');
});

afterAll(async () => {
  await fc?.close();
});

test('the queue pages by a cursor in deadline order, and finds a request by title or the phone’s last digits', async () => {
  const first = ok(await desk.call<{ items: QueueItem[]; nextCursor: string | null }>('requests', 'queuePage', { limit: 2 }));
  expect(first.items).toHaveLength(2);
  expect(first.nextCursor).not.toBeNull();
  const second = ok(await desk.call<{ items: QueueItem[]; nextCursor: string | null }>('requests', 'queuePage', { limit: 2, cursor: first.nextCursor }));
  expect(second.items).toHaveLength(1);
  expect(second.nextCursor).toBeNull();
  const all = [...first.items, ...second.items];
  expect(new Set(all.map((i) => i.id))).toEqual(new Set(ids));
  const dues = all.map((i) => i.resolveDueAt);
  expect([...dues].sort()).toEqual(dues);
  expect(ok(await desk.call<{ items: QueueItem[] }>('requests', 'queuePage', { search: '5678' })).items.map((i) => i.title)).toEqual(['劳动合同纠纷咨询']);
  expect(ok(await desk.call<{ items: QueueItem[] }>('requests', 'queuePage', { search: '帮扶' })).items.map((i) => i.phoneTail)).toEqual(['0002']);
  expect(ok(await desk.call<{ items: QueueItem[] }>('requests', 'queuePage', { orgId: 'qh-haixi' })).items).toEqual([]);
});

test('a request is assigned to a named cadre, worked, resolved and followed up once; the dashboard counts it', async () => {
  const id = ids[0] as string;
  const { assignees } = ok(await desk.call<{ assignees: Array<{ openid: string; nickname: string }> }>('requests', 'listAssignees', { requestId: id }));
  expect(assignees).toEqual([expect.objectContaining({ openid: 'cr-cadre', nickname: '李干事' })]);
  expect(await desk.call('requests', 'assign', { requestId: id, assigneeOpenid: 'cr-worker' })).toMatchObject({ ok: false, code: 'NOT_ASSIGNABLE' });
  expect(ok(await desk.call<RequestDetail>('requests', 'assign', { requestId: id, assigneeOpenid: 'cr-cadre' })).assigneeName).toBe('李干事');
  expect(ok(await desk.call<{ items: QueueItem[] }>('requests', 'queuePage', { mine: true })).items.map((i) => i.id)).toEqual([id]);
  expect(await desk.call('requests', 'followUp', { requestId: id, outcome: 'satisfied' })).toMatchObject({ ok: false, code: 'NOT_RESOLVED' });
  ok(await desk.call('requests', 'accept', { requestId: id }));
  ok(await desk.call('requests', 'resolve', { requestId: id, note: '经协调,工资已足额发放。' }));
  const followed = ok(await desk.call<RequestDetail>('requests', 'followUp', { requestId: id, outcome: 'basicallySatisfied', note: '职工表示认可' }));
  expect(followed.followUp).toMatchObject({ outcomeLabel: '基本满意', note: '职工表示认可' });
  expect(await desk.call('requests', 'followUp', { requestId: id, outcome: 'unsatisfied' })).toMatchObject({ ok: false, code: 'ALREADY_FOLLOWED_UP' });
  ok(await desk.call('requests', 'decline', { requestId: ids[1] as string, note: '不属于工会受理范围' }));

  const stats = ok(await desk.call<DeskStats>('requests', 'deskStats', {}));
  expect(stats.totals).toMatchObject({ filed: 3, resolved: 1, onTimePct: 100, satisfactionPct: 100, followUps: 1 });
  const week = stats.weeks[stats.weeks.length - 1];
  expect(week).toMatchObject({ filed: 3, byStatus: { resolved: 1, declined: 1, submitted: 1 } });
  expect(stats.orgs.find((o) => o.orgId === 'qh-xining')).toMatchObject({ filed: 3, resolved: 1, onTimePct: 100 });
});
