import { boardSeed } from '../../scripts/bench/boardSeed';
import { connectSdk } from '../localcloud/helpers/testCloud';
import { startFunctionCloud, type FunctionCloud } from './harness/functionCloud';
import { joinByRoster } from './harness/membership';

jest.setTimeout(60000);

let fc: FunctionCloud;

beforeAll(async () => {
  fc = await startFunctionCloud();
});

afterAll(async () => {
  await fc?.close();
});

/** Takes today's paper and answers `right` questions correctly. */
async function dailyPaper(openid: string, right: number): Promise<void> {
  const started = await fc.call(openid, 'quiz', 'startDaily', {});
  if (!started.ok) throw new Error(started.message);
  const { db } = connectSdk(fc.cloud);
  const { data } = (await db.collection('attempts').where({ _id: started.data.attemptId }).get()) as { data: Array<{ paper: Array<{ id: string; answer: Array<'A' | 'B' | 'C' | 'D' | 'E'> }> }> };
  const answers = (data[0]?.paper ?? []).map((q, i) => ({ questionId: q.id, choice: i < right ? q.answer : [] }));
  const submitted = await fc.call(openid, 'quiz', 'submitAttempt', { attemptId: started.data.attemptId, answers });
  if (!submitted.ok) throw new Error(submitted.message);
}

async function joinGroup(openid: string, openGId: string) {
  const cloudId = fc.cloud.issueGroupCloudId(openid, openGId);
  return fc.callRaw(openid, 'quiz', { action: 'joinGroup', input: {}, groupCloudId: { __localCloudID: cloudId } });
}

describe('quiz function: leaderboards', () => {
  test('workers of one organisation see each other ranked by points today, this week and all time', async () => {
    await fc.call('lb-a', 'account', 'updateProfile', { nickname: '阿依' });
    await fc.call('lb-b', 'account', 'updateProfile', { nickname: '巴桑' });
    await joinByRoster(fc, 'lb-a', 'qh-haixi');
    await joinByRoster(fc, 'lb-b', 'qh-haixi');
    await dailyPaper('lb-a', 6);
    await dailyPaper('lb-b', 9);
    for (const period of ['day', 'week', 'all'] as const) {
      const board = await fc.call('lb-a', 'quiz', 'getLeaderboard', { scope: 'org', period });
      if (!board.ok) throw new Error(board.message);
      expect(board.data.top.map((r) => [r.nickname, r.score, r.rank])).toEqual([['巴桑', 9, 1], ['阿依', 6, 2]]);
      expect(board.data.me).toMatchObject({ rank: 2, score: 6 });
      expect(board.data.top.find((r) => r.me)?.nickname).toBe('阿依');
    }
  });

  test('a worker without an organisation is asked to choose one for the organisation board', async () => {
    expect(await fc.call('lb-none', 'quiz', 'getLeaderboard', { scope: 'org', period: 'day' })).toMatchObject({ ok: false, code: 'NO_ORG' });
  });

  test('a WeChat group opened through its share ticket gets its own board, for members only', async () => {
    expect(await joinGroup('lb-a', 'G_kunlun')).toMatchObject({ ok: true, data: { groupId: 'G_kunlun' } });
    expect(await joinGroup('lb-c', 'G_kunlun')).toMatchObject({ ok: true });
    await dailyPaper('lb-c', 3);
    const board = await fc.call('lb-c', 'quiz', 'getLeaderboard', { scope: 'group', period: 'day', groupId: 'G_kunlun' });
    if (!board.ok) throw new Error(board.message);
    // lb-a scored before joining: only points earned as a member count on the group board.
    expect(board.data.top.map((r) => r.score)).toEqual([3]);
    expect(board.data.groups).toEqual(['G_kunlun']);
    expect(await fc.call('lb-b', 'quiz', 'getLeaderboard', { scope: 'group', period: 'day', groupId: 'G_kunlun' })).toMatchObject({ ok: false, code: 'NOT_A_MEMBER' });
  });

  test('a group id cannot be claimed without a CloudID issued to the caller', async () => {
    const stolen = fc.cloud.issueGroupCloudId('lb-a', 'G_other');
    expect(await fc.callRaw('lb-b', 'quiz', { action: 'joinGroup', input: {}, groupCloudId: { __localCloudID: stolen } })).toMatchObject({ ok: false, code: 'NO_GROUP' });
    expect(await fc.callRaw('lb-b', 'quiz', { action: 'joinGroup', input: { groupId: 'G_other' } })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    // A plain object shaped like the platform's decrypted CloudID is not trusted: WeChat decrypts the cloudID itself.
    const forged = { cloudID: 'local-cloudid-forged', data: { openGId: 'G_other' } };
    expect(await fc.callRaw('lb-b', 'quiz', { action: 'joinGroup', input: {}, groupCloudId: forged })).toMatchObject({ ok: false, code: 'NO_GROUP' });
    const copied = { cloudID: stolen, data: { openGId: 'G_other' } };
    expect(await fc.callRaw('lb-b', 'quiz', { action: 'joinGroup', input: {}, groupCloudId: copied })).toMatchObject({ ok: false, code: 'NO_GROUP' });
  });

  test('the board shows the top 100 and the worker’s own rank and points even far below them', async () => {
    const { db } = connectSdk(fc.cloud);
    const { entries, counts } = boardSeed('province:qh', Array.from({ length: 150 }, (_, i) => ({ openid: `bulk-${i}`, score: 100 + i, nickname: `职工${i}` })), new Date());
    await db.collection('board_entries').add({ data: entries });
    await db.collection('board_counts').add({ data: counts });
    const board = await fc.call('lb-c', 'quiz', 'getLeaderboard', { scope: 'province', period: 'all' });
    if (!board.ok) throw new Error(board.message);
    expect(board.data.top).toHaveLength(100);
    expect(board.data.top[0]).toMatchObject({ rank: 1, score: 249 });
    // 150 seeded entries and two colleagues (9 and 6 points) are above lb-c's 3 points.
    expect(board.data.me).toMatchObject({ rank: 153, score: 3 });
    expect(board.data.nextCursor).toBeTruthy();
    expect(JSON.stringify(board.data).length).toBeLessThan(64 * 1024);
  });

  test('a worker of a grassroots union sees its board and each parent’s board, and no other organisation’s', async () => {
    const { db } = connectSdk(fc.cloud);
    await db.collection('orgs').add({ data: { _id: 'qh-haixi-salt', name: '察尔汗盐湖工会', parentId: 'qh-haixi', kind: 'grassroots', order: 90 } });
    await fc.call('lb-salt', 'account', 'updateProfile', { nickname: '卓玛' });
    // users.orgId is the approved organisation: set as an approval would.
    await db.collection('users').doc('lb-salt').update({ data: { orgId: 'qh-haixi-salt' } });
    await dailyPaper('lb-salt', 5);
    const own = await fc.call('lb-salt', 'quiz', 'getLeaderboard', { scope: 'org', period: 'day' });
    if (!own.ok) throw new Error(own.message);
    expect(own.data.scopeId).toBe('qh-haixi-salt');
    expect(own.data.top.map((r) => [r.nickname, r.score])).toEqual([['卓玛', 5]]);
    expect(own.data.scopes.map((s) => [s.scope, s.scopeId, s.name])).toEqual([
      ['province', 'qh', '全省'],
      ['org', 'qh-haixi-salt', '察尔汗盐湖工会'],
      ['org', 'qh-haixi', '海西蒙古族藏族自治州总工会'],
    ]);
    const parent = await fc.call('lb-salt', 'quiz', 'getLeaderboard', { scope: 'org', period: 'day', orgId: 'qh-haixi' });
    if (!parent.ok) throw new Error(parent.message);
    // The city board holds the city's own workers and those of its grassroots unions.
    expect(parent.data.top.map((r) => r.nickname)).toEqual(['巴桑', '阿依', '卓玛']);
    expect(parent.data.me).toMatchObject({ rank: 3, score: 5 });
    expect(await fc.call('lb-salt', 'quiz', 'getLeaderboard', { scope: 'org', period: 'day', orgId: 'qh-xining' })).toMatchObject({ ok: false, code: 'NOT_A_MEMBER' });
    expect(await fc.call('lb-salt', 'quiz', 'getLeaderboard', { scope: 'org', period: 'day', orgId: 'qh' })).toMatchObject({ ok: false, code: 'NOT_A_MEMBER' });
  });

  test('board rows carry the stored avatar as a temporary URL, and none for a worker without one', async () => {
    const fileID = await fc.cloud.uploadFile('avatars/lb-b.png', Buffer.from('png'), { openid: 'lb-b' });
    const { db } = connectSdk(fc.cloud);
    await db.collection('users').doc('lb-b').update({ data: { avatarFileId: fileID } });
    const board = await fc.call('lb-a', 'quiz', 'getLeaderboard', { scope: 'org', period: 'all', orgId: 'qh-haixi' });
    if (!board.ok) throw new Error(board.message);
    const byName = new Map(board.data.top.map((r) => [r.nickname, r.avatarUrl]));
    expect(byName.get('巴桑')).toMatch(/^https?:\/\//);
    expect(byName.get('阿依')).toBeNull();
  });

  test('the switcher lists every remembered group after the organisations', async () => {
    await joinGroup('lb-a', 'G_qinghai_lake');
    const board = await fc.call('lb-a', 'quiz', 'getLeaderboard', { scope: 'province', period: 'day' });
    if (!board.ok) throw new Error(board.message);
    expect(board.data.scopes.filter((s) => s.scope === 'group').map((s) => s.scopeId).sort()).toEqual(['G_kunlun', 'G_qinghai_lake']);
    expect(board.data.scopes[0]).toEqual({ scope: 'province', scopeId: 'qh', name: '全省' });
  });

  test('a worker at the bottom of a large board costs a bounded number of keys and documents, and the rank is exact', async () => {
    const { db } = connectSdk(fc.cloud);
    // 4,000 workers spread over 0–4,999 points (octave buckets 0–12, all 32 shards), as on the bench's board of 1,000,000.
    const workers = Array.from({ length: 4000 }, (_, i) => ({ openid: `big-${i}`, score: (i * 7919) % 5000, nickname: `职工${i}` }));
    const { entries, counts } = boardSeed('org:qh-hainan', workers, new Date());
    for (let i = 0; i < entries.length; i += 1000) await db.collection('board_entries').add({ data: entries.slice(i, i + 1000) });
    await db.collection('board_counts').add({ data: counts });
    await fc.call('big-viewer', 'account', 'updateProfile', { nickname: '末位' });
    await db.collection('users').doc('big-viewer').update({ data: { orgId: 'qh-hainan' } });
    await dailyPaper('big-viewer', 1);
    const { value: board, calls } = await fc.cloud.measure(() => fc.call('big-viewer', 'quiz', 'getLeaderboard', { scope: 'org', period: 'all' }));
    if (!board.ok) throw new Error(board.message);
    const above = workers.filter((w) => w.score > 1).length;
    expect(board.data.me).toEqual({ rank: above + 1, score: 1, nickname: '末位', avatarUrl: null });
    const [view] = calls;
    const examined = (view?.keysExamined ?? 0) + (view?.docsExamined ?? 0);
    // Top 100 (100 keys, 100 documents) + own entry + rank counts (at most 13 buckets × 32 shards, a key and a document each) + user, org chain, groups, avatars.
    expect(examined).toBeLessThanOrEqual(2000);
    expect(view?.roundTrips).toBeLessThanOrEqual(8);
  });

  test('the board pages on by (score, id) past the top 100, ties ranked alike across a page break, each worker once; the first view names the worker', async () => {
    const { db } = connectSdk(fc.cloud);
    // 250 workers: 30 of them tied at 500 points across the first page break (places 81–110).
    const workers = Array.from({ length: 250 }, (_, i) => ({ openid: `pg-${String(i).padStart(3, '0')}`, score: i < 80 ? 1000 - i : i < 110 ? 500 : 400 - i, nickname: `职工${i}` }));
    const { entries, counts } = boardSeed('org:qh-guoluo', workers, new Date());
    await db.collection('board_entries').add({ data: entries });
    await db.collection('board_counts').add({ data: counts });
    await fc.call('pg-viewer', 'account', 'updateProfile', { nickname: '桑吉' });
    const fileID = await fc.cloud.uploadFile('avatars/pg-viewer.png', Buffer.from('png'), { openid: 'pg-viewer' });
    await db.collection('users').doc('pg-viewer').update({ data: { orgId: 'qh-guoluo', avatarFileId: fileID } });

    const first = await fc.call('pg-viewer', 'quiz', 'getLeaderboard', { scope: 'org', period: 'all' });
    if (!first.ok) throw new Error(first.message);
    // Not on this board: still named, with the avatar.
    expect(first.data.me).toMatchObject({ rank: null, score: 0, nickname: '桑吉', avatarUrl: expect.stringMatching(/^https?:\/\//) as unknown as string });
    const rows = [...first.data.top];
    let cursor = first.data.nextCursor;
    for (let pages = 1; cursor && pages < 10; pages++) {
      const { value: page, calls } = await fc.cloud.measure(() => fc.call('pg-viewer', 'quiz', 'getLeaderboard', { scope: 'org', period: 'all', cursor: cursor ?? undefined }));
      if (!page.ok) throw new Error(page.message);
      expect(page.data.me).toBeNull();
      // A later page: the next 100 places (two index walks) and their avatars, beside the viewer's boards.
      const [view] = calls;
      expect((view?.keysExamined ?? 0) + (view?.docsExamined ?? 0)).toBeLessThanOrEqual(500);
      rows.push(...page.data.top);
      cursor = page.data.nextCursor;
    }
    expect(cursor).toBeNull();
    expect(rows.map((r) => r.nickname)).toEqual(workers.map((w) => w.nickname).sort((a, b) => {
      const wa = workers.find((w) => w.nickname === a)!;
      const wb = workers.find((w) => w.nickname === b)!;
      return wb.score - wa.score || (wb.openid < wa.openid ? -1 : 1);
    }));
    expect(rows.map((r) => r.rank)).toEqual(rows.map((r) => 1 + workers.filter((w) => w.score > r.score).length));
    expect(rows.slice(80, 110).every((r) => r.rank === 81)).toBe(true);
  });

  test.each([
    ['an injected operator as scope', { scope: { $gt: '' }, period: 'day' }],
    ['an injected operator as group', { scope: 'group', period: 'day', groupId: { $ne: null } }],
    ['an injected operator as organisation', { scope: 'org', period: 'day', orgId: { $gt: '' } }],
    ['an unknown period', { scope: 'province', period: 'year' }],
  ])('bad leaderboard input (%s) is refused', async (_name, input) => {
    expect(await fc.callRaw('lb-a', 'quiz', { action: 'getLeaderboard', input })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
  });
});
