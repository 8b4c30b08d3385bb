import { connectSdk, type Db } from '../localcloud/helpers/testCloud';
import { startFunctionCloud, type FunctionCloud } from './harness/functionCloud';

jest.setTimeout(120000);

let fc: FunctionCloud;
let db: Db;

beforeAll(async () => {
  fc = await startFunctionCloud();
  db = connectSdk(fc.cloud).db;
  await db.collection('orgs').add({ data: { _id: 'qh-xining-steel', name: '西宁特钢工会', parentId: 'qh-xining', kind: 'grassroots', order: 100 } });
  const role = (openid: string, role: string, orgId: string | null) => db.collection('roles').add({ data: { openid, role, orgId, grantedBy: 'test', grantedAt: new Date() } });
  await role('m-cadre-haixi', 'cadre', 'qh-haixi');
  await role('m-cadre-xining', 'cadre', 'qh-xining');
  await role('m-admin', 'admin', null);
  const now = Date.now();
  await db.collection('contests').add({
    data: { _id: 'c-haixi', title: '海西职工竞赛', startsAt: new Date(now - 60_000), endsAt: new Date(now + 3_600_000), histories: ['party'], questionCount: 5, timeLimitSeconds: 300, orgIds: ['qh-haixi'], createdBy: 'm-cadre-haixi', createdAt: new Date(now) },
  });
});

afterAll(async () => {
  await fc?.close();
});

async function contestIds(openid: string): Promise<string[]> {
  const reply = await fc.call(openid, 'quiz', 'listContests', {});
  if (!reply.ok) throw new Error(reply.message);
  return reply.data.contests.map((c) => c.id);
}

describe('organisation membership by approval', () => {
  test('a request changes nothing until a cadre of the organisation approves it; then contests and boards follow', async () => {
    const asked = await fc.call('m-1', 'account', 'requestOrgJoin', { orgId: 'qh-haixi' });
    expect(asked).toMatchObject({ ok: true, data: { request: { orgId: 'qh-haixi', status: 'pending', orgName: '海西蒙古族藏族自治州总工会' } } });
    expect(await fc.call('m-1', 'account', 'getProfile', {})).toMatchObject({ ok: true, data: { orgId: null, joinRequest: { orgId: 'qh-haixi', status: 'pending' } } });
    // Not a member yet: the organisation's contest and board stay closed.
    expect(await contestIds('m-1')).not.toContain('c-haixi');
    expect(await fc.call('m-1', 'quiz', 'startContest', { contestId: 'c-haixi' })).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE' });
    expect(await fc.call('m-1', 'quiz', 'getLeaderboard', { scope: 'org', period: 'all' })).toMatchObject({ ok: false, code: 'NO_ORG' });

    // A cadre of another organisation neither sees nor decides it; a worker cannot decide at all.
    expect(await fc.call('m-cadre-xining', 'account', 'listJoinRequests', {})).toMatchObject({ ok: true, data: { items: [] } });
    expect(await fc.call('m-cadre-xining', 'account', 'decideJoinRequest', { openid: 'm-1', approve: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await fc.call('m-2', 'account', 'decideJoinRequest', { openid: 'm-1', approve: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await fc.call('m-1', 'account', 'decideJoinRequest', { openid: 'm-1', approve: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    const queue = await fc.call('m-cadre-haixi', 'account', 'listJoinRequests', {});
    expect(queue).toMatchObject({ ok: true, data: { items: [{ openid: 'm-1', status: 'pending' }], nextCursor: null } });
    const approved = await fc.call('m-cadre-haixi', 'account', 'decideJoinRequest', { openid: 'm-1', approve: true });
    expect(approved).toMatchObject({ ok: true, data: { request: { status: 'approved' } } });
    // The same decision again answers the same; the opposite one is refused.
    expect(await fc.call('m-cadre-haixi', 'account', 'decideJoinRequest', { openid: 'm-1', approve: true })).toMatchObject({ ok: true, data: { request: { status: 'approved' } } });
    expect(await fc.call('m-cadre-haixi', 'account', 'decideJoinRequest', { openid: 'm-1', approve: false })).toMatchObject({ ok: false, code: 'ALREADY_DECIDED' });

    expect(await fc.call('m-1', 'account', 'getProfile', {})).toMatchObject({ ok: true, data: { orgId: 'qh-haixi', joinRequest: null } });
    expect(await contestIds('m-1')).toContain('c-haixi');
    expect(await fc.call('m-1', 'quiz', 'getLeaderboard', { scope: 'org', period: 'all' })).toMatchObject({ ok: true, data: { scopeId: 'qh-haixi' } });
    expect(await fc.call('m-1', 'account', 'requestOrgJoin', { orgId: 'qh-haixi' })).toMatchObject({ ok: false, code: 'ALREADY_MEMBER' });
  });

  test('a member who asks to move stays in their organisation until the new one approves; a cadre above the organisation may decide', async () => {
    await fc.call('m-1', 'account', 'requestOrgJoin', { orgId: 'qh-xining-steel' });
    expect(await fc.call('m-1', 'account', 'getProfile', {})).toMatchObject({ ok: true, data: { orgId: 'qh-haixi', joinRequest: { orgId: 'qh-xining-steel', status: 'pending' } } });
    expect(await contestIds('m-1')).toContain('c-haixi');
    // The city union's cadre decides for the grassroots union below it.
    expect(await fc.call('m-cadre-xining', 'account', 'decideJoinRequest', { openid: 'm-1', approve: true })).toMatchObject({ ok: true });
    expect(await fc.call('m-1', 'account', 'getProfile', {})).toMatchObject({ ok: true, data: { orgId: 'qh-xining-steel' } });
    expect(await contestIds('m-1')).not.toContain('c-haixi');
  });

  test('a declined request keeps the organisation unchanged and tells the worker why', async () => {
    await fc.call('m-3', 'account', 'requestOrgJoin', { orgId: 'qh-haixi' });
    expect(await fc.call('m-cadre-haixi', 'account', 'decideJoinRequest', { openid: 'm-3', approve: false, reason: '名册中没有找到你,请联系单位工会' })).toMatchObject({ ok: true, data: { request: { status: 'declined' } } });
    expect(await fc.call('m-3', 'account', 'getProfile', {})).toMatchObject({ ok: true, data: { orgId: null, joinRequest: { status: 'declined', reason: '名册中没有找到你,请联系单位工会' } } });
    expect(await fc.call('m-3', 'account', 'requestOrgJoin', { orgId: 'qh' })).toMatchObject({ ok: false, code: 'NOT_JOINABLE' });
  });

  test('the cadre queue pages through the pending requests, oldest first', async () => {
    for (const openid of ['m-q1', 'm-q2', 'm-q3']) await fc.call(openid, 'account', 'requestOrgJoin', { orgId: 'qh-haixi' });
    const first = await fc.call('m-cadre-haixi', 'account', 'listJoinRequests', { limit: 2 });
    if (!first.ok) throw new Error(first.message);
    expect(first.data.items.map((i) => i.openid)).toEqual(['m-q1', 'm-q2']);
    const second = await fc.call('m-cadre-haixi', 'account', 'listJoinRequests', { limit: 2, cursor: first.data.nextCursor ?? undefined });
    expect(second).toMatchObject({ ok: true, data: { items: [{ openid: 'm-q3' }], nextCursor: null } });
  });

  test('requests made in the same millisecond are neither lost nor repeated across a page break', async () => {
    // Five requests to 玉树: the 2nd, 3rd and 4th share one millisecond and straddle the break after two.
    const at = Date.UTC(2026, 10, 20, 2, 0, 0);
    const times = [at - 1000, at, at, at, at + 1000];
    for (const [n, time] of times.entries()) {
      await db.collection('org_join_requests').add({
        data: { _id: `m-tie-${n}`, openid: `m-tie-${n}`, nickname: `职工${n}`, orgId: 'qh-yushu', orgName: '玉树藏族自治州总工会', orgChain: ['qh-yushu', 'qh'], status: 'pending', via: 'request', requestedAt: new Date(time), decidedAt: null, decidedBy: null, reason: null },
      });
    }
    await db.collection('roles').add({ data: { openid: 'm-cadre-yushu', role: 'cadre', orgId: 'qh-yushu', grantedBy: 'test', grantedAt: new Date() } });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await fc.call('m-cadre-yushu', 'account', 'listJoinRequests', { limit: 2, ...(cursor ? { cursor } : {}) });
      if (!page.ok) throw new Error(page.message);
      seen.push(...page.data.items.map((i) => i.openid));
      cursor = page.data.nextCursor ?? undefined;
      pages += 1;
      // The queue moves while the cadre reads: deciding one already shown must not shift the next page.
      if (pages === 1) expect(await fc.call('m-cadre-yushu', 'account', 'decideJoinRequest', { openid: 'm-tie-0', approve: true })).toMatchObject({ ok: true });
    } while (cursor && pages < 10);
    expect(seen).toEqual(['m-tie-0', 'm-tie-1', 'm-tie-2', 'm-tie-3', 'm-tie-4']);
    // Exactly one more than asked tells the last page: five in pages of two is three pages, the last without a cursor.
    expect(pages).toBe(3);
    expect(await fc.call('m-cadre-yushu', 'account', 'countJoinRequests', {})).toEqual({ ok: true, data: { pending: 4 } });
    // A cursor that does not decode starts from the first page rather than failing.
    const garbled = await fc.call('m-cadre-yushu', 'account', 'listJoinRequests', { limit: 2, cursor: 'not-a-cursor' });
    expect(garbled).toMatchObject({ ok: true, data: { items: [{ openid: 'm-tie-1' }, { openid: 'm-tie-2' }] } });
  });

  test('a cadre sees the requests of every organisation they serve and those below, no others; the province admin sees all; a worker sees none', async () => {
    // A cadre of 海东 and of 西宁特钢 at once (no organisation is dropped from their reach).
    for (const orgId of ['qh-haidong', 'qh-xining-steel']) await db.collection('roles').add({ data: { openid: 'm-cadre-two', role: 'cadre', orgId, grantedBy: 'test', grantedAt: new Date() } });
    await fc.call('m-s1', 'account', 'requestOrgJoin', { orgId: 'qh-haidong' });
    await fc.call('m-s2', 'account', 'requestOrgJoin', { orgId: 'qh-xining-steel' });
    await fc.call('m-s3', 'account', 'requestOrgJoin', { orgId: 'qh-xining' });
    const openidsOf = async (openid: string) => {
      const reply = await fc.call(openid, 'account', 'listJoinRequests', { limit: 50 });
      if (!reply.ok) throw new Error(reply.message);
      return reply.data.items.map((i) => i.openid).filter((o) => o.startsWith('m-s'));
    };
    expect(await openidsOf('m-cadre-two')).toEqual(['m-s1', 'm-s2']);
    expect(await openidsOf('m-cadre-xining')).toEqual(['m-s2', 'm-s3']);
    expect(await openidsOf('m-admin')).toEqual(['m-s1', 'm-s2', 'm-s3']);
    expect(await fc.call('m-cadre-two', 'account', 'countJoinRequests', {})).toEqual({ ok: true, data: { pending: 2 } });
    expect(await fc.call('m-s1', 'account', 'listJoinRequests', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await fc.call('m-s1', 'account', 'countJoinRequests', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // The queue shows who asked, for which organisation and when.
    const queue = await fc.call('m-cadre-two', 'account', 'listJoinRequests', {});
    expect(queue).toMatchObject({ ok: true, data: { items: [{ openid: 'm-s1', orgId: 'qh-haidong', orgName: '海东市总工会', status: 'pending', avatarUrl: null, requestedAt: expect.any(String) }, { openid: 'm-s2' }] } });
  });

  test('the worker learns the decision in 消息, once however often it is retried; a reason is bounded and checked', async () => {
    const messagesOf = async (openid: string) => {
      const reply = await fc.call(openid, 'account', 'listMessages', {});
      if (!reply.ok) throw new Error(reply.message);
      return reply.data;
    };
    // Approved: 入会申请已通过, opening 我的.
    await fc.call('m-n1', 'account', 'requestOrgJoin', { orgId: 'qh-haidong' });
    for (let i = 0; i < 2; i += 1) expect(await fc.call('m-cadre-two', 'account', 'decideJoinRequest', { openid: 'm-n1', approve: true })).toMatchObject({ ok: true, data: { request: { status: 'approved' } } });
    const approved = await messagesOf('m-n1');
    expect(approved.messages).toEqual([expect.objectContaining({ kind: 'joinOutcome', title: '入会申请已通过', summary: '海东市总工会', note: '', url: '/pages/me/index', read: false })]);
    expect(approved.unread).toBe(1);

    // Declined with a reason: the reason travels with the notice; declining again changes nothing.
    await fc.call('m-n2', 'account', 'requestOrgJoin', { orgId: 'qh-haidong' });
    // Too long, or failing the content check: refused, nothing written.
    expect(await fc.call('m-cadre-two', 'account', 'decideJoinRequest', { openid: 'm-n2', approve: false, reason: '不'.repeat(101) })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect(await fc.call('m-cadre-two', 'account', 'decideJoinRequest', { openid: 'm-n2', approve: false, reason: '大家一起来网络赌博吧' })).toMatchObject({ ok: false, code: 'CONTENT_REJECTED' });
    expect((await messagesOf('m-n2')).messages).toEqual([]);
    expect(await fc.call('m-n2', 'account', 'getProfile', {})).toMatchObject({ ok: true, data: { joinRequest: { status: 'pending' } } });
    const reason = '请先在单位工会登记';
    for (let i = 0; i < 2; i += 1) expect(await fc.call('m-cadre-two', 'account', 'decideJoinRequest', { openid: 'm-n2', approve: false, reason })).toMatchObject({ ok: true, data: { request: { status: 'declined', reason } } });
    expect(await fc.call('m-cadre-two', 'account', 'decideJoinRequest', { openid: 'm-n2', approve: true })).toMatchObject({ ok: false, code: 'ALREADY_DECIDED' });
    expect((await messagesOf('m-n2')).messages).toEqual([expect.objectContaining({ kind: 'joinOutcome', title: '入会申请未通过', summary: '海东市总工会', note: reason })]);
    expect(await fc.call('m-n2', 'account', 'getProfile', {})).toMatchObject({ ok: true, data: { orgId: null, joinRequest: { status: 'declined', reason } } });
    const { data: audit } = (await db.collection('audit_log').where({ target: 'm-n2' }).limit(10).get()) as { data: Array<Record<string, unknown>> };
    expect(audit.map((a) => [a.action, a.detail])).toEqual([['decline_join', `海东市总工会:${reason}`]]);

    // Asking again and being approved is a new decision: a second notice.
    await fc.call('m-n2', 'account', 'requestOrgJoin', { orgId: 'qh-haidong' });
    await fc.call('m-cadre-two', 'account', 'decideJoinRequest', { openid: 'm-n2', approve: true });
    expect((await messagesOf('m-n2')).messages.map((m) => m.title)).toEqual(['入会申请已通过', '入会申请未通过']);
  });

  test('an admin imports a roster: the listed workers are members at once and told so in 消息; nobody else may import', async () => {
    expect(await fc.call('m-cadre-haixi', 'account', 'importRoster', { orgId: 'qh-haixi', openids: ['m-r1'] })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await fc.call('m-q1', 'account', 'getProfile', {});
    const imported = await fc.call('m-admin', 'account', 'importRoster', { orgId: 'qh-haixi', openids: ['m-r1', 'm-r2', 'm-q1', 'm-r1'] });
    expect(imported).toMatchObject({ ok: true, data: { approved: 3, unchanged: 0 } });
    expect(await fc.call('m-admin', 'account', 'importRoster', { orgId: 'qh-haixi', openids: ['m-r1', 'm-r2'] })).toMatchObject({ ok: true, data: { approved: 0, unchanged: 2 } });
    expect(await fc.call('m-r1', 'account', 'getProfile', {})).toMatchObject({ ok: true, data: { orgId: 'qh-haixi', joinRequest: null } });
    // Each member hears of it in 消息, once although the import ran twice.
    const notices = await fc.call('m-r1', 'account', 'listMessages', {});
    expect(notices).toMatchObject({ ok: true, data: { unread: 1 } });
    if (!notices.ok) throw new Error(notices.message);
    expect(notices.data.messages).toEqual([expect.objectContaining({ kind: 'joinOutcome', title: '已加入工会', summary: '海西蒙古族藏族自治州总工会', note: '工会已按会员名册为你办理入会', url: '/pages/me/index' })]);
    expect(await contestIds('m-r2')).toContain('c-haixi');
    // m-q1's pending request is settled by the roster: it leaves the cadre's queue.
    const queue = await fc.call('m-cadre-haixi', 'account', 'listJoinRequests', {});
    if (!queue.ok) throw new Error(queue.message);
    expect(queue.data.items.map((i) => i.openid)).toEqual(['m-q2', 'm-q3']);
  });

  test('every join decision and roster import is in the audit log, once, with who decided, whom and which organisation', async () => {
    const { data } = (await db.collection('audit_log').where({ target: db.command.in(['m-1', 'm-3', 'm-r1', 'm-r2', 'm-q1']) }).limit(100).get()) as { data: Array<Record<string, unknown>> };
    const rows = data.map(({ action, target, orgId, actorOpenid, detail }) => [action, target, orgId, actorOpenid, detail ?? null]).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(rows).toEqual([
      ['approve_join', 'm-1', 'qh-haixi', 'm-cadre-haixi', null],
      ['approve_join', 'm-1', 'qh-xining-steel', 'm-cadre-xining', null],
      ['decline_join', 'm-3', 'qh-haixi', 'm-cadre-haixi', '海西蒙古族藏族自治州总工会:名册中没有找到你,请联系单位工会'],
      ['roster_join', 'm-q1', 'qh-haixi', 'm-admin', null],
      ['roster_join', 'm-r1', 'qh-haixi', 'm-admin', null],
      ['roster_join', 'm-r2', 'qh-haixi', 'm-admin', null],
    ]);
    // The province admin reads them in the console's 操作日志.
    const log = await fc.call('m-admin', 'account', 'auditLog', { limit: 50 });
    if (!log.ok) throw new Error(log.message);
    expect(log.data.rows.filter((r) => r.target === 'm-3').map((r) => r.action)).toEqual(['decline_join']);
  });

  test('a decision whose audit entry cannot be written is not made: the request stays pending, the worker outside', async () => {
    await fc.call('m-4', 'account', 'requestOrgJoin', { orgId: 'qh-haixi' });
    // The decision's calls: the request, the roles, the transaction's start, its read, the request, the user, the audit entry.
    const fault = fc.cloud.injectFault({ functionName: 'account', action: 'decideJoinRequest', failAtCall: 7 });
    await expect(fc.call('m-cadre-haixi', 'account', 'decideJoinRequest', { openid: 'm-4', approve: true })).rejects.toThrow();
    expect(fault.fired).toBe(true);
    expect(await fc.call('m-4', 'account', 'getProfile', {})).toMatchObject({ ok: true, data: { orgId: null, joinRequest: { status: 'pending' } } });
    const { data } = (await db.collection('audit_log').where({ target: 'm-4' }).limit(10).get()) as { data: unknown[] };
    expect(data).toEqual([]);
  });
});
