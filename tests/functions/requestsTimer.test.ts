import { connectSdk } from '../localcloud/helpers/testCloud';
import { startFunctionCloud, type FunctionCloud } from './harness/functionCloud';
import { acceptTemplates } from './harness/subscriptions';
import { subscribeTemplates } from '../../server/domain/requests/subscribeTemplates';

jest.setTimeout(60000);

let fc: FunctionCloud;

beforeAll(async () => {
  fc = await startFunctionCloud();
  const { db } = connectSdk(fc.cloud);
  const grantedAt = new Date('2026-11-01T00:00:00Z');
  await db.collection('roles').add({ data: { openid: 'timer-cadre-xining', role: 'cadre', orgId: 'qh-xining', grantedBy: 'admin', grantedAt } });
  await db.collection('roles').add({ data: { openid: 'timer-cadre-province', role: 'cadre', orgId: 'qh', grantedBy: 'admin', grantedAt } });
  await db.collection('roles').add({ data: { openid: 'timer-cadre-haixi', role: 'cadre', orgId: 'qh-haixi', grantedBy: 'admin', grantedAt } });
});

afterAll(async () => {
  await fc?.close();
});

async function fileRequest(openid: string, clientRequestId: string): Promise<string> {
  const result = await fc.call(openid, 'requests', 'submit', {
    category: 'safety', title: '车间粉尘超标', description: '车间粉尘很大,没有发放防尘口罩。', contactName: '李师傅', contactMobile: '13912345678', orgId: 'qh-xining', clientRequestId,
  });
  if (!result.ok) throw new Error(result.message);
  return result.data.id;
}

const runTimer = () => fc.callRaw('', 'requestsTimer', { Type: 'Timer', TriggerName: 'hourlyOverdueCheck' }) as Promise<{ ok: boolean; data: { flagged: number; reminders: number } }>;

describe('the hourly overdue check', () => {
  test('a request not accepted within 2 working days is flagged, escalated to the provincial federation, and cadres of both are reminded', async () => {
    const late = await fileRequest('timer-w1', 'timer-client-1');
    const onTime = await fileRequest('timer-w1', 'timer-client-2');
    const { db } = connectSdk(fc.cloud);
    await db.collection('requests').doc(late).update({ data: { acceptDueAt: new Date(Date.now() - 60_000) } });

    for (const cadre of ['timer-cadre-xining', 'timer-cadre-province']) await acceptTemplates(fc, cadre, [subscribeTemplates.requestOverdue]);
    const first = await runTimer();
    expect(first).toMatchObject({ ok: true, data: { flagged: 1, reminders: 2 } });
    const { data } = (await db.collection('requests').where({ _id: late }).get()) as { data: Array<Record<string, unknown>> };
    expect(data[0]).toMatchObject({ overdue: true, escalatedTo: 'qh', status: 'submitted' });
    const reminded = (await fc.cloud.outbox()).filter((e) => (e.payload as { templateId: string }).templateId === 'requests-overdue-template-id').map((e) => (e.payload as { touser: string }).touser);
    expect(reminded.sort()).toEqual(['timer-cadre-province', 'timer-cadre-xining']);

    // The dashboard's overdue count moved with the flag (its counters change in the same commit).
    const board = await fc.call('timer-cadre-xining', 'requests', 'dashboard', {});
    expect(board.ok && board.data.overdue).toBe(1);
    const queue = await fc.call('timer-cadre-xining', 'requests', 'queuePage', { overdue: true });
    expect(queue.ok && queue.data.items.map((r) => r.id)).toEqual([late]);
    const detail = await fc.call('timer-w1', 'requests', 'detail', { requestId: late });
    expect(detail.ok && detail.data.timeline.map((s) => s.what)).toEqual(['提交诉求', '超时升级']);
    expect(detail.ok && detail.data.overdue).toBe(true);

    expect(await runTimer()).toMatchObject({ ok: true, data: { flagged: 0 } });
    const other = (await db.collection('requests').where({ _id: onTime }).get()) as { data: Array<Record<string, unknown>> };
    expect(other.data[0]).toMatchObject({ overdue: false });
  });

  test('an accepted request past its 15-working-day resolution time is flagged; a resolved one is not', async () => {
    const slow = await fileRequest('timer-w2', 'timer-client-3');
    const done = await fileRequest('timer-w2', 'timer-client-4');
    for (const id of [slow, done]) await fc.call('timer-cadre-xining', 'requests', 'accept', { requestId: id });
    await fc.call('timer-cadre-xining', 'requests', 'resolve', { requestId: done, note: '已发放口罩' });
    const { db } = connectSdk(fc.cloud);
    for (const id of [slow, done]) await db.collection('requests').doc(id).update({ data: { resolveDueAt: new Date(Date.now() - 60_000) } });
    expect(await runTimer()).toMatchObject({ ok: true, data: { flagged: 1 } });
    const { data } = (await db.collection('requests').where({ _id: done }).get()) as { data: Array<Record<string, unknown>> };
    expect(data[0]).toMatchObject({ overdue: false });
  });

  test('a cadre who did not subscribe to reminders gets them in the 消息 centre only; a subscribed one spends a unit per reminder', async () => {
    const { db } = connectSdk(fc.cloud);
    await db.collection('roles').add({ data: { openid: 'timer-cadre-haidong', role: 'cadre', orgId: 'qh-haidong', grantedBy: 'admin', grantedAt: new Date() } });
    await db.collection('roles').add({ data: { openid: 'timer-cadre-haidong-2', role: 'cadre', orgId: 'qh-haidong', grantedBy: 'admin', grantedAt: new Date() } });
    await acceptTemplates(fc, 'timer-cadre-haidong-2', [subscribeTemplates.requestOverdue]);
    const ids: string[] = [];
    for (const n of [5, 6]) {
      const result = await fc.call('timer-w3', 'requests', 'submit', {
        category: 'safety', title: `仓库消防通道堵塞${n}`, description: '仓库消防通道长期堆放货物。', contactName: '王师傅', contactMobile: '13912345678', orgId: 'qh-haidong', clientRequestId: `timer-client-${n}`,
      });
      if (!result.ok) throw new Error(result.message);
      ids.push(result.data.id);
      await db.collection('requests').doc(result.data.id).update({ data: { acceptDueAt: new Date(Date.now() - 60_000) } });
    }
    const before = (await fc.cloud.outbox()).length;
    const swept = await runTimer();
    expect(swept).toMatchObject({ ok: true, data: { flagged: 2 } });
    const pushedTo = (await fc.cloud.outbox()).slice(before).map((e) => (e.payload as { touser: string }).touser);
    // One unit: one of the two reminders reaches the subscribed cadre's WeChat.
    expect(pushedTo.filter((o) => o.startsWith('timer-cadre-haidong'))).toEqual(['timer-cadre-haidong-2']);
    for (const cadre of ['timer-cadre-haidong', 'timer-cadre-haidong-2']) {
      const listed = await fc.call(cadre, 'account', 'listMessages', {});
      expect(listed.ok && listed.data.messages.map((m) => [m.title, m.url])).toEqual(
        expect.arrayContaining(ids.map((id) => ['诉求超过受理时限', `/cadre/requests/detail/index?requestId=${id}`])),
      );
      expect(listed.ok && listed.data.unread).toBe(2);
    }
  });

  test('a worker cannot run the overdue check from the mini program', async () => {
    expect(await fc.callRaw('timer-w1', 'requestsTimer', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});
