import type { ManagedContest } from '../../server/contracts/quiz';
import { connectSdk, type Db } from '../localcloud/helpers/testCloud';
import { startFunctionCloud, type FunctionCloud } from './harness/functionCloud';

// 我管辖的竞赛: an admin lists every contest for organisations within their scope (not only those
// they created), each saying who created it and whether the admin may end it, by the same rule
// closeContest applies; paged by (start, id) like 我创建的. Nobody else may ask for that list.
jest.setTimeout(120_000);

let fc: FunctionCloud;
let db: Db;
const hour = 3_600_000;
const base = Date.now();

beforeAll(async () => {
  fc = await startFunctionCloud();
  ({ db } = connectSdk(fc.cloud));
  const grants: Array<[string, string, string | null]> = [
    ['cm-xining-cadre', 'cadre', 'qh-xining'],
    ['cm-haibei-cadre', 'cadre', 'qh-haibei'],
    ['cm-xining-admin', 'admin', 'qh-xining'],
    ['cm-province-admin', 'admin', null],
    ['cm-haibei-admin', 'admin', 'qh-haibei'],
  ];
  for (const [openid, role, orgId] of grants) await db.collection('roles').add({ data: { _id: `role-${openid}`, openid, role, orgId, grantedBy: 'test', grantedAt: new Date() } });
  await fc.call('cm-xining-cadre', 'account', 'updateProfile', { nickname: '西宁干部' });
  await fc.call('cm-haibei-cadre', 'account', 'updateProfile', { nickname: '海北干部' });
  // Running contests, one start apiece (an hour apart), each for the organisations named.
  const stored: Array<[string, string, string[], number]> = [
    ['cm-xining', 'cm-xining-cadre', ['qh-xining'], 1],
    ['cm-haibei', 'cm-haibei-cadre', ['qh-haibei'], 2],
    ['cm-both', 'cm-haibei-cadre', ['qh-xining', 'qh-haibei'], 3],
  ];
  for (const [id, createdBy, orgIds, hoursAgo] of stored) await addContest(id, createdBy, orgIds, new Date(base - hoursAgo * hour));
});

afterAll(async () => {
  await fc?.close();
});

async function addContest(id: string, createdBy: string, orgIds: string[], startsAt: Date): Promise<void> {
  await db.collection('contests').add({
    data: { _id: id, title: `竞赛 ${id}`, startsAt, endsAt: new Date(base + 5 * hour), histories: ['party'], questionCount: 5, timeLimitSeconds: 150, orgIds, createdBy, createdAt: new Date(base) },
  });
}

async function list(openid: string, input: { scope?: 'mine' | 'managed'; limit?: number; cursor?: string }): Promise<{ contests: ManagedContest[]; nextCursor: string | null }> {
  const reply = await fc.call(openid, 'quiz', 'listManagedContests', input);
  if (!reply.ok) throw new Error(`${reply.code}: ${reply.message}`);
  return reply.data;
}

/** Every page of the list, `limit` at a time. */
async function allPages(openid: string, scope: 'mine' | 'managed', limit: number): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 50; pages += 1) {
    const page = await list(openid, { scope, limit, ...(cursor ? { cursor } : {}) });
    expect(page.contests.length).toBeLessThanOrEqual(limit);
    seen.push(...page.contests.map((c) => c.id));
    if (!page.nextCursor) return seen;
    cursor = page.nextCursor;
  }
  throw new Error('the list never ended');
}

/** The stored contests `keep` selects, latest start first, then the greater id. */
async function expectedOrder(keep: (c: { _id: string; orgIds: string[]; createdBy: string }) => boolean): Promise<string[]> {
  const { data } = (await db.collection('contests').limit(1000).get()) as { data: Array<{ _id: string; orgIds: string[]; createdBy: string; startsAt: string }> };
  return data
    .filter(keep)
    .sort((x, y) => new Date(y.startsAt).getTime() - new Date(x.startsAt).getTime() || (y._id < x._id ? -1 : 1))
    .map((c) => c._id);
}

test('an admin sees the contests of their organisations whoever created them, not those outside; only those wholly within may be ended, and closeContest agrees', async () => {
  const { contests } = await list('cm-xining-admin', { scope: 'managed' });
  expect(contests.map((c) => c.id)).toEqual(['cm-xining', 'cm-both']);
  expect(contests[0]).toMatchObject({ createdByMe: false, creatorNickname: '西宁干部', mayClose: true, status: 'running' });
  // For 海北 too: not wholly theirs, so shown without the close.
  expect(contests[1]).toMatchObject({ createdByMe: false, creatorNickname: '海北干部', mayClose: false });
  expect(await fc.call('cm-xining-admin', 'quiz', 'closeContest', { contestId: 'cm-both' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await fc.call('cm-xining-admin', 'quiz', 'closeContest', { contestId: 'cm-haibei' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });

  // A province-level admin: every contest, each of which they may end.
  const province = await list('cm-province-admin', { scope: 'managed' });
  expect(province.contests.map((c) => [c.id, c.mayClose])).toEqual([['cm-xining', true], ['cm-haibei', true], ['cm-both', true]]);
  expect(await list('cm-province-admin', {})).toEqual({ contests: [], nextCursor: null });

  // The 西宁 admin ends the 西宁 cadre's contest found in the list.
  expect(await fc.call('cm-xining-admin', 'quiz', 'closeContest', { contestId: 'cm-xining' })).toMatchObject({ ok: true, data: { alreadyEnded: false } });
  const after = await list('cm-xining-admin', { scope: 'managed' });
  expect(after.contests[0]).toMatchObject({ id: 'cm-xining', status: 'ended' });
  expect(after.contests[0]?.closedAt).not.toBeNull();
});

test('a cadre who is not an admin is refused the managed list and keeps their own, marked as theirs and theirs to end', async () => {
  expect(await fc.call('cm-haibei-cadre', 'quiz', 'listManagedContests', { scope: 'managed' })).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '只有管理员可以查看管辖范围内的竞赛' });
  const mine = await list('cm-haibei-cadre', {});
  expect(mine.contests.map((c) => [c.id, c.createdByMe, c.creatorNickname, c.mayClose])).toEqual([
    ['cm-haibei', true, '海北干部', true],
    ['cm-both', true, '海北干部', true],
  ]);
  expect(await fc.call('cm-worker', 'quiz', 'listManagedContests', { scope: 'managed' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await fc.callRaw('cm-xining-admin', 'quiz', { action: 'listManagedContests', input: { scope: 'everything' } })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
});

test('paging across page breaks between contests that start at the same moment loses and repeats none, on both the scoped and the whole-province list', async () => {
  // Seven more for 西宁 and two for 海北, all starting at one moment: every page break falls inside the tie.
  const tie = new Date(base - 10 * hour);
  for (let n = 0; n < 7; n += 1) await addContest(`cm-tie-x${n}`, 'cm-xining-cadre', ['qh-xining'], tie);
  for (let n = 0; n < 2; n += 1) await addContest(`cm-tie-h${n}`, 'cm-haibei-cadre', ['qh-haibei'], tie);

  const xining = await expectedOrder((c) => c.orgIds.includes('qh-xining'));
  expect(xining).toHaveLength(9);
  expect(await allPages('cm-xining-admin', 'managed', 2)).toEqual(xining);
  expect(await allPages('cm-xining-admin', 'managed', 3)).toEqual(xining);

  const everything = await expectedOrder(() => true);
  expect(everything).toHaveLength(12);
  expect(await allPages('cm-province-admin', 'managed', 2)).toEqual(everything);
  expect(await allPages('cm-province-admin', 'managed', 5)).toEqual(everything);

  const mine = await expectedOrder((c) => c.createdBy === 'cm-xining-cadre');
  expect(await allPages('cm-xining-cadre', 'mine', 2)).toEqual(mine);
});

test('a province-level admin over hundreds of organisations reads a page off the start index: no list of every organisation, no scan', async () => {
  // 250 grassroots unions under 海北: more organisations than MongoDB merges sorted walks for (200),
  // so a filter naming each of them would walk every contest's key and sort in memory.
  const unions = Array.from({ length: 250 }, (_, n) => ({ _id: `cm-union-${n}`, name: `海北基层工会 ${n}`, parentId: 'qh-haibei', kind: 'grassroots', order: 100 + n }));
  await db.collection('orgs').add({ data: unions });
  // Spread over the unions, so the 海北 admin's list draws on more than one query's organisations.
  for (let n = 0; n < 60; n += 1) await addContest(`cm-many-${String(n).padStart(2, '0')}`, 'cm-haibei-cadre', [`cm-union-${(n * 4) % 250}`], new Date(base - (20 + n) * hour));
  const { total: contests } = (await db.collection('contests').count()) as { total: number };
  expect(contests).toBeGreaterThanOrEqual(60);
  const { value, calls } = await fc.cloud.measure(() => list('cm-province-admin', { scope: 'managed', limit: 5 }));
  expect(value.contests).toHaveLength(5);
  expect(value.contests.every((c) => c.mayClose)).toBe(true);
  const [call] = calls;
  // Keys: the roles, the page (6), its creators, the rank counts. The tree is read whole (documents, no keys).
  expect(call?.keysExamined ?? 0).toBeLessThan(contests);
});

test('an admin over more organisations than one query takes (海北 and its 250 unions) pages through all their contests, in order, none twice', async () => {
  const haibei = new Set(['qh-haibei', ...Array.from({ length: 250 }, (_, n) => `cm-union-${n}`)]);
  const expected = await expectedOrder((c) => c.orgIds.some((o) => haibei.has(o)));
  expect(expected.length).toBeGreaterThan(60);
  expect(await allPages('cm-haibei-admin', 'managed', 7)).toEqual(expected);
  expect(expected).toContain('cm-both');
  expect(expected).not.toContain('cm-xining');
});
