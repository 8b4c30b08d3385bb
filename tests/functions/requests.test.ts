import { connectSdk } from '../localcloud/helpers/testCloud';
import { startFunctionCloud, type FunctionCloud } from './harness/functionCloud';
import { requestForm, type SubmitInput } from './harness/requestForm';
import { acceptTemplates } from './harness/subscriptions';
import { subscribeTemplates } from '../../server/domain/requests/subscribeTemplates';

jest.setTimeout(60000);

let fc: FunctionCloud;

beforeAll(async () => {
  fc = await startFunctionCloud();
  const { db } = connectSdk(fc.cloud);
  const grantedAt = new Date('2026-11-01T00:00:00Z');
  await db.collection('roles').add({ data: { openid: 'cadre-xining', role: 'cadre', orgId: 'qh-xining', grantedBy: 'admin', grantedAt } });
  await db.collection('roles').add({ data: { openid: 'cadre-xining-2', role: 'cadre', orgId: 'qh-xining', grantedBy: 'admin', grantedAt } });
  await db.collection('roles').add({ data: { openid: 'cadre-haixi', role: 'cadre', orgId: 'qh-haixi', grantedBy: 'admin', grantedAt } });
  await db.collection('roles').add({ data: { openid: 'cadre-province', role: 'cadre', orgId: 'qh', grantedBy: 'admin', grantedAt } });
});

afterAll(async () => {
  await fc?.close();
});


async function submitted(openid: string, overrides: Partial<SubmitInput> = {}) {
  const result = await fc.call(openid, 'requests', 'submit', requestForm(overrides));
  if (!result.ok) throw new Error(`${result.code} ${result.message}`);
  return result.data;
}

async function requestCount(openid: string): Promise<number> {
  const { db } = connectSdk(fc.cloud);
  const { total } = (await db.collection('requests').where({ openid }).count()) as { total: number };
  return total;
}

async function stored(id: string): Promise<Record<string, unknown>> {
  const { db } = connectSdk(fc.cloud);
  const { data } = (await db.collection('requests').where({ _id: id }).get()) as { data: Array<Record<string, unknown>> };
  return data[0];
}

async function noticesTo(openid: string) {
  return (await fc.cloud.outbox()).filter((e) => e.apiName === 'subscribeMessage.send' && (e.payload as { touser: string }).touser === openid);
}

describe('a worker files a request', () => {
  test('a worker files a request to the Xining union and sees it waiting, with a masked phone and a timeline', async () => {
    await acceptTemplates(fc, 'w-file', [subscribeTemplates.requestStatusChanged]);
    const request = await submitted('w-file');
    expect(request).toMatchObject({ status: 'submitted', statusLabel: '待受理', categoryLabel: '农民工服务·欠薪', orgName: '西宁市总工会', contactMobile: '138****1234' });
    expect(request.timeline).toEqual([expect.objectContaining({ who: '职工本人', what: '提交诉求', status: 'submitted' })]);
    expect(request.actions).toEqual(['withdraw']);
    // The receipt is kept in the 消息 centre; no unit is spent on it (the worker is looking at it).
    expect(await noticesTo('w-file')).toHaveLength(0);
    const messages = await fc.call('w-file', 'account', 'listMessages', {});
    expect(messages.ok && messages.data.messages).toEqual([expect.objectContaining({ title: '诉求已提交,等待受理', summary: '工地拖欠三个月工资', url: `/pages/requests/detail/index?requestId=${request.id}`, read: false })]);
  });

  test('submitting twice with the same client request id creates one request', async () => {
    const input = requestForm();
    const [a, b] = await Promise.all([fc.call('w-twice', 'requests', 'submit', input), fc.call('w-twice', 'requests', 'submit', input)]);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.data.id).toBe(b.data.id);
    const again = await fc.call('w-twice', 'requests', 'submit', input);
    expect(again.ok && again.data.id).toBe(a.data.id);
    expect(await requestCount('w-twice')).toBe(1);
  });

  test('photos uploaded to the worker\'s own folder are attached (shown to the worker as 审核中 until checked); nine at most', async () => {
    const photos = await Promise.all([1, 2].map((n) => fc.cloud.uploadFile(`requests/w-photo/${n}.jpg`, Buffer.from('jpg'), { openid: 'w-photo' })));
    const request = await submitted('w-photo', { photos });
    expect(request.photos).toEqual([]);
    expect(request.photosInReview).toEqual(photos);
    const tooMany = await fc.callRaw('w-photo', 'requests', { action: 'submit', input: requestForm({ photos: Array.from({ length: 10 }, () => photos[0]) }) });
    expect(tooMany).toMatchObject({ ok: false, code: 'BAD_INPUT' });
  });

  test('a photo from another worker\'s folder is refused and nothing is stored', async () => {
    const foreign = await fc.cloud.uploadFile('requests/w-other/secret.jpg', Buffer.from('jpg'), { openid: 'w-other' });
    const result = await fc.call('w-foreign', 'requests', 'submit', requestForm({ photos: [foreign] }));
    expect(result).toMatchObject({ ok: false, code: 'FOREIGN_FILE' });
    expect(await requestCount('w-foreign')).toBe(0);
  });

  test.each([
    ['a missing title', (f: Record<string, unknown>) => ({ ...f, title: undefined })],
    ['an over-long description', (f: Record<string, unknown>) => ({ ...f, description: '长'.repeat(1001) })],
    ['an invalid mobile number', (f: Record<string, unknown>) => ({ ...f, contactMobile: '12345' })],
    ['a category the notice does not list', (f: Record<string, unknown>) => ({ ...f, category: 'lottery' })],
    ['an injected operator as organisation', (f: Record<string, unknown>) => ({ ...f, orgId: { $gt: '' } })],
    ['an injected operator as mobile', (f: Record<string, unknown>) => ({ ...f, contactMobile: { $ne: null } })],
    ['an openid in the payload', (f: Record<string, unknown>) => ({ ...f, openid: 'w-file' })],
  ])('%s gets BAD_INPUT and writes nothing', async (_name, tamper) => {
    const result = await fc.callRaw('w-bad', 'requests', { action: 'submit', input: tamper(requestForm() as unknown as Record<string, unknown>) });
    expect(result).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect(await requestCount('w-bad')).toBe(0);
  });

  test('an organisation that does not exist is refused', async () => {
    expect(await fc.call('w-bad', 'requests', 'submit', requestForm({ orgId: 'qh-nowhere' }))).toMatchObject({ ok: false, code: 'ORG_NOT_FOUND' });
    expect(await requestCount('w-bad')).toBe(0);
  });

  test('a description that fails the content check gets a clear message and nothing is stored', async () => {
    const result = await fc.call('w-unsafe', 'requests', 'submit', requestForm({ description: '有人在工地组织网络赌博,请工会管一管' }));
    expect(result).toMatchObject({ ok: false, code: 'CONTENT_REJECTED' });
    expect(await requestCount('w-unsafe')).toBe(0);
  });

  test('a worker who accepted no subscription still files and follows the request: nothing is pushed, every notice is in the 消息 centre', async () => {
    const request = await submitted('w-refused');
    await fc.call('cadre-xining', 'requests', 'accept', { requestId: request.id });
    expect(await stored(request.id)).toMatchObject({ lastNotice: { errcode: null }, pendingNotice: null });
    expect(await noticesTo('w-refused')).toHaveLength(0);
    const unread = await fc.call('w-refused', 'account', 'unreadCount', {});
    expect(unread.ok && unread.data.unread).toBe(2);
  });
});

describe('a worker follows a request', () => {
  test('a worker reads only their own requests', async () => {
    const mine = await submitted('w-own');
    const list = await fc.call('w-own', 'requests', 'listMine', {});
    expect(list.ok && list.data.requests.map((r) => r.id)).toEqual([mine.id]);
    expect(await fc.call('w-nosy', 'requests', 'detail', { requestId: mine.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await fc.call('w-nosy', 'requests', 'withdraw', { requestId: mine.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  test('my requests name their organisations, read by id rather than the whole tree', async () => {
    await submitted('w-names', { orgId: 'qh-xining' });
    await submitted('w-names', { orgId: 'qh-haixi' });
    // A province's tree is hundreds of unions; 40 more than the seed make a read of all of them show.
    const { db } = connectSdk(fc.cloud);
    const extra = Array.from({ length: 40 }, (_, i) => `names-extra-${i}`);
    for (const [i, id] of extra.entries()) await db.collection('orgs').doc(id).set({ data: { name: `基层工会${i}`, parentId: 'qh-xining', kind: 'grassroots', order: 500 + i } });
    try {
      const { value: list, calls } = await fc.cloud.measure(() => fc.call('w-names', 'requests', 'listMine', {}));
      expect(list.ok && list.data.requests.map((r) => [r.orgId, r.orgName])).toEqual([
        ['qh-haixi', '海西蒙古族藏族自治州总工会'],
        ['qh-xining', '西宁市总工会'],
      ]);
      const call = calls.find((c) => c.function === 'requests');
      if (!call) throw new Error('no cost recorded');
      // The two requests and their two organisations, not the 49 organisations there are.
      expect(call.docsExamined).toBeLessThanOrEqual(4);
    } finally {
      for (const id of extra) await db.collection('orgs').doc(id).remove();
    }
  });

  test('a worker withdraws before acceptance, and not after', async () => {
    const a = await submitted('w-withdraw');
    const withdrawn = await fc.call('w-withdraw', 'requests', 'withdraw', { requestId: a.id });
    expect(withdrawn.ok && withdrawn.data.status).toBe('withdrawn');
    const b = await submitted('w-withdraw');
    await fc.call('cadre-xining', 'requests', 'accept', { requestId: b.id });
    expect(await fc.call('w-withdraw', 'requests', 'withdraw', { requestId: b.id })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
});

describe('cadres answer requests', () => {
  test('a cadre accepts, works on and resolves a request; the worker sees every step and rates it', async () => {
    await acceptTemplates(fc, 'w-journey', [subscribeTemplates.requestStatusChanged], 5);
    const request = await submitted('w-journey');
    for (const [action, note] of [['accept', ''], ['start', '已联系施工单位'], ['resolve', '工资已全部结清']] as const) {
      const result = await fc.call('cadre-xining', 'requests', action, { requestId: request.id, note });
      if (!result.ok) throw new Error(`${action}: ${result.message}`);
    }
    const seen = await fc.call('w-journey', 'requests', 'detail', { requestId: request.id });
    if (!seen.ok) throw new Error(seen.message);
    expect(seen.data.timeline.map((s) => s.what)).toEqual(['提交诉求', '受理', '开始办理', '办结']);
    expect(seen.data.timeline[3]).toMatchObject({ who: '西宁市总工会 工作人员', note: '工资已全部结清' });
    expect(seen.data.actions).toEqual(['confirm', 'reopen', 'rate']);
    // The worker learns which organisation acted, never a cadre's WeChat identity.
    expect(JSON.stringify(seen.data)).not.toContain('cadre-xining');
    const rated = await fc.call('w-journey', 'requests', 'rate', { requestId: request.id, stars: 5, comment: '感谢工会' });
    expect(rated.ok && rated.data).toMatchObject({ status: 'closed', rating: 5, ratingComment: '感谢工会' });
    expect(await fc.call('w-journey', 'requests', 'rate', { requestId: request.id, stars: 1 })).toMatchObject({ ok: false, code: 'ALREADY_RATED' });
    // Five units: what the cadre did is pushed (the receipt and the worker's own rating are not).
    expect((await noticesTo('w-journey')).map((e) => (e.payload as { data: { phrase2: { value: string } } }).data.phrase2.value)).toEqual(['已受理', '办理中', '已办结']);
    expect(fc.cloud.subscriptionQuota('w-journey', subscribeTemplates.requestStatusChanged)).toBe(2);
  });

  test('two cadres accepting the same request at once: exactly one wins, the other gets CONFLICT', async () => {
    const request = await submitted('w-race');
    const results = await Promise.all([
      fc.call('cadre-xining', 'requests', 'accept', { requestId: request.id }),
      fc.call('cadre-xining-2', 'requests', 'accept', { requestId: request.id }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);
    const doc = await stored(request.id);
    expect((doc.timeline as unknown[]).length).toBe(2);
  });

  test('a cadre sees the queue of their organisation and its children, not a sibling\'s', async () => {
    const xining = await submitted('w-queue', { category: 'legalAid' });
    const haixi = await submitted('w-queue', { orgId: 'qh-haixi' });
    const ids = async (openid: string, filter = {}) => {
      const result = await fc.call(openid, 'requests', 'queuePage', { ...filter, limit: 100 });
      if (!result.ok) throw new Error(result.message);
      return result.data.items.map((r) => r.id);
    };
    expect(await ids('cadre-xining')).toContain(xining.id);
    expect(await ids('cadre-xining')).not.toContain(haixi.id);
    expect(await ids('cadre-province')).toEqual(expect.arrayContaining([xining.id, haixi.id]));
    expect(await ids('cadre-xining', { category: 'legalAid' })).toEqual([xining.id]);
    expect(await ids('cadre-xining', { status: 'withdrawn' })).not.toContain(xining.id);
    expect(await fc.call('cadre-haixi', 'requests', 'accept', { requestId: xining.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await fc.call('w-queue', 'requests', 'queuePage', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // The old capped queue (100 at most) is gone: the paged one is the only way in.
    expect(await fc.callRaw('cadre-xining', 'requests', { action: 'queue', input: {} })).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
  });

  test('only a cadre\'s detail view shows the full phone number, and each view is audited', async () => {
    const request = await submitted('w-phone');
    const view = await fc.call('cadre-xining', 'requests', 'cadreDetail', { requestId: request.id });
    expect(view.ok && view.data.contactMobile).toBe('13812341234');
    const queue = await fc.call('cadre-xining', 'requests', 'accept', { requestId: request.id });
    expect(queue.ok && queue.data.contactMobile).toBe('138****1234');
    expect(await fc.call('cadre-haixi', 'requests', 'cadreDetail', { requestId: request.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const { db } = connectSdk(fc.cloud);
    const { data } = (await db.collection('audit_log').where({ requestId: request.id }).get()) as { data: unknown[] };
    expect(data).toEqual([expect.objectContaining({ action: 'view_phone', actorOpenid: 'cadre-xining', orgId: 'qh-xining' })]);
  });

  test('a cadre transfers a request to Haixi; the Haixi cadre takes it on', async () => {
    const request = await submitted('w-transfer');
    const moved = await fc.call('cadre-xining', 'requests', 'transfer', { requestId: request.id, toOrgId: 'qh-haixi', note: '工地位于格尔木' });
    expect(moved.ok && moved.data).toMatchObject({ status: 'transferred', orgId: 'qh-haixi' });
    expect(await fc.call('cadre-xining', 'requests', 'accept', { requestId: request.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const accepted = await fc.call('cadre-haixi', 'requests', 'accept', { requestId: request.id });
    expect(accepted.ok && accepted.data.status).toBe('accepted');
  });

  test('a cadre declines a request as out of scope with a reason; it can then not be accepted', async () => {
    const request = await submitted('w-decline');
    const declined = await fc.call('cadre-xining', 'requests', 'decline', { requestId: request.id, note: '属于民事纠纷,请向法院起诉' });
    expect(declined.ok && declined.data.status).toBe('declined');
    expect(await fc.call('cadre-xining', 'requests', 'accept', { requestId: request.id })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  test('a cadre reply that fails the content check is refused and nothing is stored', async () => {
    const request = await submitted('w-reply');
    expect(await fc.call('cadre-xining', 'requests', 'reply', { requestId: request.id, note: '网络赌博' })).toMatchObject({ ok: false, code: 'CONTENT_REJECTED' });
    expect(((await stored(request.id)).timeline as unknown[]).length).toBe(1);
    const replied = await fc.call('cadre-xining', 'requests', 'reply', { requestId: request.id, note: '已收到,正在核实' });
    expect(replied.ok && replied.data.timeline.map((s) => s.what)).toEqual(['提交诉求', '回复']);
  });

  test('a worker reopens a resolved request within 7 days and the cadre takes it on again', async () => {
    const request = await submitted('w-reopen');
    await fc.call('cadre-xining', 'requests', 'accept', { requestId: request.id });
    await fc.call('cadre-xining', 'requests', 'resolve', { requestId: request.id, note: '已协调' });
    const reopened = await fc.call('w-reopen', 'requests', 'reopen', { requestId: request.id, reason: '工资只付了一半' });
    expect(reopened.ok && reopened.data.status).toBe('reopened');
    const again = await fc.call('cadre-xining', 'requests', 'accept', { requestId: request.id });
    expect(again.ok && again.data.status).toBe('accepted');
  });

  test('a worker cannot reopen more than 7 days after the resolution', async () => {
    const request = await submitted('w-late');
    await fc.call('cadre-xining', 'requests', 'accept', { requestId: request.id });
    await fc.call('cadre-xining', 'requests', 'resolve', { requestId: request.id, note: '已协调' });
    const { db } = connectSdk(fc.cloud);
    await db.collection('requests').doc(request.id).update({ data: { resolvedAt: new Date(Date.now() - 8 * 24 * 3600 * 1000) } });
    expect(await fc.call('w-late', 'requests', 'reopen', { requestId: request.id, reason: '还没解决' })).toMatchObject({ ok: false, code: 'REOPEN_EXPIRED' });
    const confirmed = await fc.call('w-late', 'requests', 'confirm', { requestId: request.id });
    expect(confirmed.ok && confirmed.data.status).toBe('closed');
  });
});

describe('database cost', () => {
  test('filing a request and accepting it each take a handful of database actions, not one per organisation', async () => {
    const total = () => Object.values(fc.cloud.stats().dbActions).reduce((a, b) => a + b, 0);
    fc.cloud.stats().reset();
    const request = await submitted('w-cost');
    const filing = total();
    fc.cloud.stats().reset();
    await fc.call('cadre-xining', 'requests', 'accept', { requestId: request.id });
    const accepting = total();
    console.log('database actions: submit', filing, 'accept', accepting);
    // A submit commits the request with its counters and its 消息 centre receipt in one transaction
    // (start, reads, writes, commit); an accept also reads the worker's subscription quota in its
    // transaction (a worker with units left adds the unit's update, the claim and the record).
    expect(filing).toBeLessThanOrEqual(11);
    expect(accepting).toBeLessThanOrEqual(11);
  });
});

describe('the cadre dashboard', () => {
  test('counts by status and category, average hours to accept and resolve, overdue count and average rating, from the counters the actions keep', async () => {
    const { db } = connectSdk(fc.cloud);
    // An organisation of its own, so no other test's requests count here.
    await db.collection('orgs').add({ data: { _id: 'qh-haixi-dash', name: '德令哈工会', parentId: 'qh-haixi', kind: 'grassroots', order: 91 } });
    const ids = [];
    for (const category of ['joinUnion', 'joinUnion', 'skills'] as const) ids.push((await submitted('w-dash', { category, orgId: 'qh-haixi-dash' })).id);
    await fc.call('cadre-haixi', 'requests', 'accept', { requestId: ids[0] });
    await fc.call('cadre-haixi', 'requests', 'resolve', { requestId: ids[0], note: '已办理入会' });
    expect(await fc.call('w-dash', 'requests', 'rate', { requestId: ids[0], stars: 5, comment: '' })).toMatchObject({ ok: true });
    await fc.call('cadre-haixi', 'requests', 'accept', { requestId: ids[1] });

    const docs = await Promise.all(ids.map((id) => stored(id)));
    const hoursFrom = (field: string) => {
      const done = docs.filter((d) => d[field]);
      const ms = done.reduce((sum, d) => sum + new Date(d[field] as string).getTime() - new Date(d.createdAt as string).getTime(), 0);
      return Math.round((ms / done.length / 3600_000) * 10) / 10;
    };
    const board = await fc.call('cadre-province', 'requests', 'dashboard', { orgId: 'qh-haixi-dash' });
    if (!board.ok) throw new Error(board.message);
    expect(board.data).toEqual({
      total: 3,
      byStatus: { closed: 1, accepted: 1, submitted: 1 },
      byCategory: { joinUnion: 2, skills: 1 },
      statusLines: [
        { key: 'submitted', label: '待受理', count: 1 },
        { key: 'accepted', label: '已受理', count: 1 },
        { key: 'closed', label: '已完成', count: 1 },
      ],
      categoryLines: [
        { key: 'joinUnion', label: '申请入会', count: 2 },
        { key: 'skills', label: '技能培训·劳动竞赛', count: 1 },
      ],
      overdue: 0,
      averageHoursToAccept: hoursFrom('acceptedAt'),
      averageHoursToResolve: hoursFrom('resolvedAt'),
      averageRating: 5,
      ratedCount: 1,
      // Waiting or being worked on: the submitted and the accepted one; the one resolved was on time.
      open: 2,
      onTimePct: 100,
      satisfactionPct: null,
      orgLines: [{ orgId: 'qh-haixi-dash', orgName: '德令哈工会', total: 3, open: 2, overdue: 0, onTimePct: 100, satisfactionPct: null }],
    });
    // The organisation's cadres see it within their whole tree, with a line for each organisation below.
    const haixi = await fc.call('cadre-haixi', 'requests', 'dashboard', {});
    expect(haixi.ok && haixi.data.total).toBeGreaterThanOrEqual(3);
    expect(haixi.ok && haixi.data.orgLines.find((l) => l.orgId === 'qh-haixi-dash')).toEqual({ orgId: 'qh-haixi-dash', orgName: '德令哈工会', total: 3, open: 2, overdue: 0, onTimePct: 100, satisfactionPct: null });
    // A worker sees no dashboard.
    // An organisation outside the caller's tree adds nothing: the answer is their own tree's.
    const outside = await fc.call('cadre-xining', 'requests', 'dashboard', { orgId: 'qh-haixi-dash' });
    expect(outside).toEqual(await fc.call('cadre-xining', 'requests', 'dashboard', {}));
    expect(await fc.call('w-dash', 'requests', 'dashboard', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('the export', () => {
  test('a cadre exports the filtered list to an .xlsx file in cloud storage, phones masked', async () => {
    await submitted('w-export', { category: 'skills', title: '焊工技能培训报名' });
    const result = await fc.call('cadre-xining', 'requests', 'exportXlsx', { category: 'skills' });
    if (!result.ok) throw new Error(result.message);
    expect(result.data).toMatchObject({ rows: 1, nextCursor: null });
    expect(result.data.fileID).toMatch(/\/exports\/requests\/cadre-xining\/.+\.xlsx$/);
    const response = await fetch(result.data.tempFileURL);
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const sheet = workbook.getWorksheet('诉求');
    expect(sheet?.getRow(1).getCell(4).value).toBe('标题');
    expect(sheet?.getRow(2).getCell(4).value).toBe('焊工技能培训报名');
    expect(sheet?.getRow(2).getCell(8).value).toBe('138****1234');
    expect(await fc.call('w-export', 'requests', 'exportXlsx', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});
