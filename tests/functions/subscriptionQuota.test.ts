import { connectSdk } from '../localcloud/helpers/testCloud';
import { subscribeTemplates } from '../../server/domain/requests/subscribeTemplates';
import { startFunctionCloud, type FunctionCloud } from './harness/functionCloud';
import { requestForm } from './harness/requestForm';
import { acceptTemplates } from './harness/subscriptions';

// One-time subscription messages as WeChat allows them: one push per acceptance; the server
// keeps the quota per worker and template, spends it on what matters most, and the 消息 centre
// keeps every notice whatever became of the push.
jest.setTimeout(120_000);

const progress = subscribeTemplates.requestStatusChanged;
const cadre = 'sq-cadre';
let fc: FunctionCloud;

beforeAll(async () => {
  fc = await startFunctionCloud();
  const { db } = connectSdk(fc.cloud);
  await db.collection('roles').add({ data: { openid: cadre, role: 'cadre', orgId: 'qh-xining', grantedBy: 'admin', grantedAt: new Date() } });
});

afterAll(async () => {
  await fc?.close();
});

async function filed(openid: string): Promise<string> {
  const result = await fc.call(openid, 'requests', 'submit', requestForm());
  if (!result.ok) throw new Error(result.message);
  return result.data.id;
}

async function act(action: 'accept' | 'start' | 'reply' | 'resolve' | 'decline', requestId: string, note = '已联系用人单位'): Promise<void> {
  const result = await fc.call(cadre, 'requests', action, { requestId, note });
  if (!result.ok) throw new Error(`${action}: ${result.code} ${result.message}`);
}

/** The notes of the pushes WeChat delivered to the worker, oldest first. */
async function pushed(openid: string): Promise<string[]> {
  return (await fc.cloud.outbox())
    .filter((e) => e.apiName === 'subscribeMessage.send' && (e.payload as { touser: string }).touser === openid)
    .map((e) => (e.payload as { data: { phrase2: { value: string }; thing4: { value: string } } }).data.thing4.value);
}

async function serverQuota(openid: string): Promise<number> {
  const { db } = connectSdk(fc.cloud);
  const { data } = (await db.collection('subscriptions').where({ openid, templateId: progress }).get()) as { data: Array<{ quota: number }> };
  return data[0]?.quota ?? 0;
}

async function titles(openid: string): Promise<string[]> {
  const listed = await fc.call(openid, 'account', 'listMessages', { limit: 50 });
  if (!listed.ok) throw new Error(listed.message);
  return listed.data.messages.map((m) => m.title);
}

describe('the page reports what the worker accepted', () => {
  test('each accept adds one unit, a refusal adds none and takes nothing back; parallel reports all count', async () => {
    const first = await fc.call('sq-report', 'account', 'recordSubscriptions', { results: [{ templateId: progress, result: 'accept' }] });
    expect(first).toEqual({ ok: true, data: { quota: { [progress]: 1 } } });
    const refused = await fc.call('sq-report', 'account', 'recordSubscriptions', { results: [{ templateId: progress, result: 'reject' }] });
    expect(refused.ok && refused.data.quota).toEqual({ [progress]: 1 });
    await Promise.all(Array.from({ length: 8 }, () => fc.call('sq-report', 'account', 'recordSubscriptions', { results: [{ templateId: progress, result: 'accept' }] })));
    expect(await serverQuota('sq-report')).toBe(9);
  });

  test('an unknown template, a repeated template or an identity in the payload is refused and nothing is written', async () => {
    expect(await fc.call('sq-bad', 'account', 'recordSubscriptions', { results: [{ templateId: 'someone-elses-template', result: 'accept' }] })).toMatchObject({ ok: false, code: 'UNKNOWN_TEMPLATE' });
    expect(await fc.call('sq-bad', 'account', 'recordSubscriptions', { results: [{ templateId: progress, result: 'accept' }, { templateId: progress, result: 'accept' }] })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect(await fc.callRaw('sq-bad', 'account', { action: 'recordSubscriptions', input: { openid: 'sq-report', results: [{ templateId: progress, result: 'accept' }] } })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect(await fc.callRaw('sq-bad', 'account', { action: 'recordSubscriptions', input: { results: [{ templateId: { $ne: null }, result: 'accept' }] } })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect(await serverQuota('sq-bad')).toBe(0);
    expect(await serverQuota('sq-report')).toBe(9);
  });
});

describe('pushes spend the quota', () => {
  test('without an acceptance WeChat answers 43101: the server sets the quota to 0, records it and keeps the message', async () => {
    // The page reported an acceptance WeChat never saw (a tampered or confused client).
    await fc.call('sq-liar', 'account', 'recordSubscriptions', { results: [{ templateId: progress, result: 'accept' }] });
    const id = await filed('sq-liar');
    await act('accept', id);
    await act('resolve', id, '工资已结清');
    const { db } = connectSdk(fc.cloud);
    const { data } = (await db.collection('requests').where({ _id: id }).get()) as { data: Array<Record<string, unknown>> };
    expect(data[0]).toMatchObject({ lastNotice: { errcode: 43101 } });
    expect(await pushed('sq-liar')).toEqual([]);
    expect(await serverQuota('sq-liar')).toBe(0);
    expect(await titles('sq-liar')).toEqual(['诉求已办结', '诉求已受理', '诉求已提交,等待受理']);
  });

  test('one push per acceptance: the second resolution finds no unit left and is kept in the 消息 centre only', async () => {
    await acceptTemplates(fc, 'sq-once', [progress]);
    const [a, b] = [await filed('sq-once'), await filed('sq-once')];
    for (const id of [a, b]) await act('accept', id);
    await act('resolve', a, '第一件已办结');
    await act('resolve', b, '第二件已办结');
    expect(await pushed('sq-once')).toEqual(['第一件已办结']);
    expect(await serverQuota('sq-once')).toBe(0);
    expect(fc.cloud.subscriptionQuota('sq-once', progress)).toBe(0);
    expect((await titles('sq-once')).filter((t) => t === '诉求已办结')).toHaveLength(2);
  });

  test('with one unit left the acceptance, the start and a reply are held and the resolution is pushed', async () => {
    await acceptTemplates(fc, 'sq-last', [progress]);
    const id = await filed('sq-last');
    await act('accept', id, '已受理');
    await act('reply', id, '正在核实情况');
    await act('start', id, '开始协调');
    await act('resolve', id, '工资已结清');
    expect(await pushed('sq-last')).toEqual(['工资已结清']);
    expect(await titles('sq-last')).toEqual(['诉求已办结', '诉求开始办理', '工会回复了您的诉求', '诉求已受理', '诉求已提交,等待受理']);
  });

  test('with two units a reply is pushed and the last unit still waits for the resolution; a decline is an outcome too', async () => {
    await acceptTemplates(fc, 'sq-two', [progress], 2);
    const id = await filed('sq-two');
    await act('accept', id, '已受理');
    await act('reply', id, '请补充劳动合同');
    const other = await filed('sq-two');
    await act('decline', other, '不属于工会受理范围');
    expect(await pushed('sq-two')).toEqual(['请补充劳动合同', '不属于工会受理范围']);
    expect(await serverQuota('sq-two')).toBe(0);
  });

  test('parallel resolutions of a worker\'s requests with one unit left push exactly once', async () => {
    await acceptTemplates(fc, 'sq-race', [progress]);
    const ids = [await filed('sq-race'), await filed('sq-race'), await filed('sq-race')];
    for (const id of ids) await act('accept', id);
    await Promise.all(ids.map((id) => act('resolve', id, '已办结')));
    expect(await pushed('sq-race')).toHaveLength(1);
    expect(await serverQuota('sq-race')).toBe(0);
  });
});

describe('the 消息 centre', () => {
  async function seedMessages(openid: string, count: number): Promise<void> {
    const { db } = connectSdk(fc.cloud);
    for (let n = 0; n < count; n += 1) {
      // Two messages share each time: the sort key's id breaks the tie, so paging loses none.
      const createdAt = new Date(Date.UTC(2026, 10, 1, 8, Math.floor(n / 2)));
      const _id = `m-${openid}-${String(n).padStart(2, '0')}`;
      await db.collection('messages').add({
        data: { _id, openid, kind: 'requestStatus', title: `消息${n}`, summary: '诉求', note: '', page: 'pages/requests/detail/index?requestId=r1', requestId: 'r1', createdAt, sortKey: `${createdAt.toISOString()}|${_id}`, read: false, readAt: null },
      });
    }
  }

  test('messages come newest first, a page at a time, none lost or repeated; the unread count comes along', async () => {
    await seedMessages('sq-pages', 23);
    const seen: string[] = [];
    let before: string | undefined;
    for (let page = 0; page < 5; page += 1) {
      const listed = await fc.call('sq-pages', 'account', 'listMessages', { limit: 10, ...(before ? { before } : {}) });
      if (!listed.ok) throw new Error(listed.message);
      expect(listed.data.unread).toBe(23);
      seen.push(...listed.data.messages.map((m) => m.title));
      if (!listed.data.nextBefore) break;
      before = listed.data.nextBefore;
    }
    expect(seen).toEqual(Array.from({ length: 23 }, (_v, n) => `消息${22 - n}`));
    expect(await fc.call('sq-pages', 'account', 'listMessages', { before: 'not a cursor' })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
  });

  test('a worker marks one message read, then all; another person\'s message cannot be touched', async () => {
    await seedMessages('sq-read', 3);
    await seedMessages('sq-other', 1);
    expect(await fc.call('sq-read', 'account', 'markMessagesRead', { messageId: 'm-sq-read-01' })).toEqual({ ok: true, data: { unread: 2 } });
    expect(await fc.call('sq-read', 'account', 'markMessagesRead', { messageId: 'm-sq-read-01' })).toEqual({ ok: true, data: { unread: 2 } });
    expect(await fc.call('sq-read', 'account', 'markMessagesRead', { messageId: 'm-sq-other-00' })).toMatchObject({ ok: false, code: 'MESSAGE_NOT_FOUND' });
    expect(await fc.call('sq-other', 'account', 'unreadCount', {})).toEqual({ ok: true, data: { unread: 1 } });
    const listed = await fc.call('sq-read', 'account', 'listMessages', {});
    expect(listed.ok && listed.data.messages.map((m) => m.read)).toEqual([false, true, false]);
    expect(await fc.call('sq-read', 'account', 'markMessagesRead', { all: true })).toEqual({ ok: true, data: { unread: 0 } });
    expect(await fc.call('sq-other', 'account', 'unreadCount', {})).toEqual({ ok: true, data: { unread: 1 } });
    expect(await fc.callRaw('sq-read', 'account', { action: 'markMessagesRead', input: { all: false } })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
  });

  test('the list walks the openid+sortKey index and the unread count the openid+read index', async () => {
    const { total } = await fc.cloud.measure(() => fc.call('sq-pages', 'account', 'listMessages', { limit: 10 }));
    // 11 keys for the page (one extra says whether more exist) and 23 unread keys for the count.
    expect(total.docsExamined).toBe(11);
    expect(total.keysExamined).toBe(11 + 23);
  });
});
