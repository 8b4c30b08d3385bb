import { connectSdk } from '../localcloud/helpers/testCloud';
import { startFunctionCloud, type FunctionCloud } from './harness/functionCloud';

jest.setTimeout(60000);

let fc: FunctionCloud;

beforeAll(async () => {
  fc = await startFunctionCloud();
  const { db } = connectSdk(fc.cloud);
  // A province-level cadre moderates every author (scoping by organisation: contentScope.test.ts).
  await db.collection('roles').add({ data: { openid: 'rf-cadre', role: 'cadre', orgId: 'qh', grantedBy: 'admin', grantedAt: new Date() } });
});

afterAll(async () => {
  await fc?.close();
});

async function count(collection: string, where: Record<string, unknown>): Promise<number> {
  const { db } = connectSdk(fc.cloud);
  return ((await db.collection(collection).where(where).count()) as { total: number }).total;
}

function ok<T>(result: { ok: true; data: T } | { ok: false; code: string; message: string }): T {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.data;
}

const text = '读了这个故事,深受感动,要向劳模学习,在岗位上多作贡献。';

describe('读后感', () => {
  test('a reflection is seen by its author at once and by others only after a cadre approves it', async () => {
    await fc.call('rf-1', 'account', 'updateProfile', { nickname: '高原焊工' });
    const written = ok(await fc.call('rf-1', 'reading', 'writeReflection', { storyId: 'labor-01', text, clientRequestId: 'req-rf-0001' }));
    expect(written).toMatchObject({ status: 'pending', mine: true, nickname: '高原焊工' });

    const mine = ok(await fc.call('rf-1', 'reading', 'listReflections', { storyId: 'labor-01' }));
    expect(mine.mine.map((r) => r.id)).toEqual([written.id]);
    const others = ok(await fc.call('rf-2', 'reading', 'listReflections', { storyId: 'labor-01' }));
    expect(others.approved).toEqual([]);
    expect(others.mine).toEqual([]);

    const queue = ok(await fc.call('rf-cadre', 'reading', 'listPendingReflections', {}));
    expect(queue.reflections).toEqual([expect.objectContaining({ id: written.id, storyId: 'labor-01', text })]);
    expect(queue.reflections[0]?.storyTitle).toBeTruthy();
    expect(ok(await fc.call('rf-cadre', 'reading', 'moderateReflection', { reflectionId: written.id, decision: 'approve' }))).toEqual({ status: 'approved', changed: true });

    const after = ok(await fc.call('rf-2', 'reading', 'listReflections', { storyId: 'labor-01' }));
    expect(after.approved).toEqual([expect.objectContaining({ id: written.id, text, nickname: '高原焊工', mine: false })]);
    expect(ok(await fc.call('rf-cadre', 'reading', 'listPendingReflections', {})).reflections).toEqual([]);
    expect(await count('audit_log', { action: 'reflection.approved', target: written.id })).toBe(1);
  });

  test('a reflection submitted twice (a retry) is stored once', async () => {
    const [a, b] = await Promise.all([
      fc.call('rf-3', 'reading', 'writeReflection', { storyId: 'labor-02', text, clientRequestId: 'req-rf-0002' }),
      fc.call('rf-3', 'reading', 'writeReflection', { storyId: 'labor-02', text, clientRequestId: 'req-rf-0002' }),
    ]);
    expect(ok(a).id).toBe(ok(b).id);
    expect(await count('reflections', { openid: 'rf-3' })).toBe(1);
  });

  test('a reflection that fails the content check is refused and nothing is stored', async () => {
    const result = await fc.call('rf-4', 'reading', 'writeReflection', { storyId: 'labor-01', text: '欢迎参加网络赌博活动赢大奖', clientRequestId: 'req-rf-0003' });
    expect(result).toMatchObject({ ok: false, code: 'CONTENT_REJECTED' });
    expect(await count('reflections', { openid: 'rf-4' })).toBe(0);
  });

  test('a worker who is not a cadre can neither see the queue nor approve', async () => {
    const written = ok(await fc.call('rf-5', 'reading', 'writeReflection', { storyId: 'labor-03', text, clientRequestId: 'req-rf-0004' }));
    expect(await fc.call('rf-5', 'reading', 'listPendingReflections', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await fc.call('rf-6', 'reading', 'moderateReflection', { reflectionId: written.id, decision: 'approve' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(ok(await fc.call('rf-6', 'reading', 'listReflections', { storyId: 'labor-03' })).approved).toEqual([]);
  });

  test('the first decision stands: a rejected reflection cannot be approved later, and is never shown to others', async () => {
    const written = ok(await fc.call('rf-7', 'reading', 'writeReflection', { storyId: 'labor-04', text, clientRequestId: 'req-rf-0005' }));
    expect(ok(await fc.call('rf-cadre', 'reading', 'moderateReflection', { reflectionId: written.id, decision: 'reject' }))).toEqual({ status: 'rejected', changed: true });
    expect(ok(await fc.call('rf-cadre', 'reading', 'moderateReflection', { reflectionId: written.id, decision: 'approve' }))).toEqual({ status: 'rejected', changed: false });
    expect(ok(await fc.call('rf-8', 'reading', 'listReflections', { storyId: 'labor-04' })).approved).toEqual([]);
    expect(ok(await fc.call('rf-7', 'reading', 'listReflections', { storyId: 'labor-04' })).mine).toEqual([expect.objectContaining({ status: 'rejected' })]);
    expect(await fc.call('rf-cadre', 'reading', 'moderateReflection', { reflectionId: 'f'.repeat(32), decision: 'approve' })).toMatchObject({ ok: false, code: 'REFLECTION_NOT_FOUND' });
  });

  test('a rejection with a reason: the author sees the reason beside it, other readers see neither, and the audit entry keeps it', async () => {
    await fc.call('rf-9', 'account', 'updateProfile', { nickname: '青海司机' });
    const written = ok(await fc.call('rf-9', 'reading', 'writeReflection', { storyId: 'labor-05', text, clientRequestId: 'req-rf-0006' }));
    const queued = ok(await fc.call('rf-cadre', 'reading', 'listPendingReflections', {})).reflections.find((r) => r.id === written.id);
    // The author belongs to no organisation: the queue names the province as the scope.
    expect(queued).toMatchObject({ nickname: '青海司机', authorOrg: '全省' });

    expect(await fc.call('rf-cadre', 'reading', 'moderateReflection', { reflectionId: written.id, decision: 'approve', reason: '写得好' })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect(await fc.call('rf-cadre', 'reading', 'moderateReflection', { reflectionId: written.id, decision: 'reject', reason: '欢迎参加网络赌博活动赢大奖' })).toMatchObject({ ok: false, code: 'CONTENT_REJECTED' });
    expect(await count('reflections', { _id: written.id, status: 'pending' })).toBe(1);

    const reason = '与故事内容无关,请围绕故事谈体会';
    expect(ok(await fc.call('rf-cadre', 'reading', 'moderateReflection', { reflectionId: written.id, decision: 'reject', reason: `  ${reason} ` }))).toEqual({ status: 'rejected', changed: true });
    expect(ok(await fc.call('rf-9', 'reading', 'listReflections', { storyId: 'labor-05' })).mine).toEqual([expect.objectContaining({ id: written.id, status: 'rejected', reason })]);
    const others = ok(await fc.call('rf-8', 'reading', 'listReflections', { storyId: 'labor-05' }));
    expect(JSON.stringify(others)).not.toContain(reason);
    expect(await count('audit_log', { action: 'reflection.rejected', target: written.id, detail: reason })).toBe(1);
  });

  test('paging the queue loses no reflection when two written in the same millisecond fall on either side of a page break', async () => {
    const { db } = connectSdk(fc.cloud);
    // Older than every other reflection of this file, so they fill the queue's first page (20) and
    // the 20th and 21st, written in the same millisecond, straddle the break.
    const base = Date.UTC(2020, 0, 1);
    const ids = Array.from({ length: 21 }, (_, i) => `${'d'.repeat(30)}${String(i).padStart(2, '0')}`);
    for (const [i, id] of ids.entries()) {
      await db.collection('reflections').add({ data: { _id: id, openid: `rf-tie-${i}`, storyId: 'labor-06', nickname: '职工', text, status: 'pending', authorOrgId: null, createdAt: new Date(base + Math.min(i, 19) * 1000) } });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages += 1) {
      const page = ok(await fc.call('rf-cadre', 'reading', 'listPendingReflections', cursor ? { cursor } : {}));
      seen.push(...page.reflections.map((r) => r.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    // Oldest first, and the id orders those written in the same millisecond.
    expect(seen.filter((id) => ids.includes(id))).toEqual(ids);
    expect(new Set(seen).size).toBe(seen.length);
  });

  test('paging a story’s approved reflections loses none when two approved in the same millisecond fall on either side of a page break', async () => {
    const { db } = connectSdk(fc.cloud);
    // A story no other test of this file writes on: 21 approved, newest first, so the 20th and 21st
    // (written in the same millisecond) straddle the first page break of 20.
    const base = Date.UTC(2021, 0, 1);
    const ids = Array.from({ length: 21 }, (_, i) => `${'a'.repeat(30)}${String(20 - i).padStart(2, '0')}`);
    for (const [i, id] of ids.entries()) {
      await db.collection('reflections').add({ data: { _id: id, openid: `rf-shown-${i}`, storyId: 'labor-07', nickname: '职工', text, status: 'approved', authorOrgId: null, createdAt: new Date(base - Math.min(i, 19) * 1000) } });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages += 1) {
      const page = ok(await fc.call('rf-shown-reader', 'reading', 'listReflections', { storyId: 'labor-07', ...(cursor ? { cursor } : {}) }));
      seen.push(...page.approved.map((r) => r.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    // Newest first, and the id (descending) orders those written in the same millisecond.
    expect(seen).toEqual(ids);
  });

  test('a worker’s own not-yet-approved reflections page by time and id: full pages though approved ones are newer, none lost at a break in the same millisecond', async () => {
    const { db } = connectSdk(fc.cloud);
    // On a story no other test writes on: 10 approved, newest of all, then 21 of the worker's
    // awaiting a decision or rejected, newest first, the 20th and 21st in the same millisecond.
    const base = Date.UTC(2022, 0, 1);
    for (let i = 0; i < 10; i += 1) {
      await db.collection('reflections').add({ data: { _id: `${'b'.repeat(30)}${String(i).padStart(2, '0')}`, openid: 'rf-mine', storyId: 'labor-08', nickname: '职工', text, status: 'approved', authorOrgId: null, createdAt: new Date(base + 3600_000 + i * 1000) } });
    }
    const ids = Array.from({ length: 21 }, (_, i) => `${'c'.repeat(30)}${String(20 - i).padStart(2, '0')}`);
    for (const [i, id] of ids.entries()) {
      const status = i % 3 === 0 ? 'rejected' : 'pending';
      await db.collection('reflections').add({ data: { _id: id, openid: 'rf-mine', storyId: 'labor-08', nickname: '职工', text, status, ...(status === 'rejected' ? { rejectReason: '请围绕故事谈体会' } : {}), authorOrgId: null, createdAt: new Date(base - Math.min(i, 19) * 1000) } });
    }

    const first = ok(await fc.call('rf-mine', 'reading', 'listReflections', { storyId: 'labor-08' }));
    expect(first.mine).toHaveLength(20);
    expect(first.mine.every((r) => r.status !== 'approved' && r.mine)).toBe(true);
    expect(first.approved).toHaveLength(10);
    expect(first.mineNextCursor).toEqual(expect.any(String));
    const seen = first.mine.map((r) => r.id);
    let cursor = first.mineNextCursor;
    for (let pages = 0; cursor && pages < 10; pages += 1) {
      const page = ok(await fc.call('rf-mine', 'reading', 'listMyReflections', { storyId: 'labor-08', cursor }));
      seen.push(...page.reflections.map((r) => r.id));
      cursor = page.nextCursor;
    }
    // Newest first, and the id (descending) orders those written in the same millisecond.
    expect(seen).toEqual(ids);
    expect(first.mine[0]).toMatchObject({ status: 'rejected', reason: '请围绕故事谈体会' });

    // From the top again: the same first page; nobody else is given them.
    const later = ok(await fc.call('rf-mine', 'reading', 'listMyReflections', { storyId: 'labor-08' }));
    expect(later.reflections.map((r) => r.id)).toEqual(ids.slice(0, 20));
    expect(ok(await fc.call('rf-mine-other', 'reading', 'listMyReflections', { storyId: 'labor-08' }))).toEqual({ reflections: [], nextCursor: null });
    expect(ok(await fc.call('rf-mine-other', 'reading', 'listReflections', { storyId: 'labor-08' }))).toMatchObject({ mine: [], mineNextCursor: null });
  });

  test.each([
    ['a too-short reflection', { storyId: 'labor-01', text: '好', clientRequestId: 'req-rf-bad1' }],
    ['a too-long reflection', { storyId: 'labor-01', text: '长'.repeat(501), clientRequestId: 'req-rf-bad2' }],
    ['an injected operator as text', { storyId: 'labor-01', text: { $ne: '' }, clientRequestId: 'req-rf-bad3' }],
    ['a status chosen by the client', { storyId: 'labor-01', text, clientRequestId: 'req-rf-bad4', status: 'approved' }],
  ])('%s gets BAD_INPUT and writes nothing', async (_name, input) => {
    const result = await fc.callRaw('rf-bad', 'reading', { action: 'writeReflection', input });
    expect(result).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect(await count('reflections', { openid: 'rf-bad' })).toBe(0);
  });
});

// Last in this file: it adds 1,200 organisations, which every later call would load.
describe('the moderation queue of a moderator with more than 1,000 organisations', () => {
  test('lists the authors of every organisation in reach, oldest first, none lost at a page break, and none from outside', async () => {
    const { db } = connectSdk(fc.cloud);
    const orgIds = Array.from({ length: 1200 }, (_, i) => `hx-${String(i).padStart(4, '0')}`);
    const orgs = orgIds.map((_id, i) => ({ _id, name: `海西基层工会${i}`, parentId: 'qh-haixi', kind: 'grassroots', order: 1000 + i }));
    for (let i = 0; i < orgs.length; i += 500) await db.collection('orgs').add({ data: orgs.slice(i, i + 500) });
    await db.collection('roles').add({ data: { openid: 'rf-haixi-cadre', role: 'cadre', orgId: 'qh-haixi', grantedBy: 'admin', grantedAt: new Date() } });

    // Authors of every 48th organisation and the last one, the later organisations' written first;
    // the 20th and 21st (a page break) in the same millisecond, from organisations far apart.
    const authors = [...orgIds.filter((_, i) => i % 48 === 0), 'hx-1199'].reverse();
    const base = Date.UTC(2019, 0, 1);
    const expected: string[] = [];
    for (const [i, orgId] of authors.entries()) {
      const id = `${'e'.repeat(28)}${String(i).padStart(4, '0')}`;
      expected.push(id);
      await db.collection('reflections').add({ data: { _id: id, openid: `rf-hx-${i}`, storyId: 'labor-09', nickname: '海西职工', text, status: 'pending', authorOrgId: orgId, createdAt: new Date(base + Math.min(i, 19) * 1000) } });
    }
    expect(expected.length).toBeGreaterThan(21);
    // Outside the reach: another city's author, and an approved one of an organisation in reach.
    await db.collection('reflections').add({ data: { _id: 'f'.repeat(28) + '0001', openid: 'rf-hx-out', storyId: 'labor-09', nickname: '玉树职工', text, status: 'pending', authorOrgId: 'qh-yushu', createdAt: new Date(base) } });
    await db.collection('reflections').add({ data: { _id: 'f'.repeat(28) + '0002', openid: 'rf-hx-done', storyId: 'labor-09', nickname: '海西职工', text, status: 'approved', authorOrgId: 'hx-0000', createdAt: new Date(base) } });

    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages += 1) {
      const page = ok(await fc.call('rf-haixi-cadre', 'reading', 'listPendingReflections', cursor ? { cursor } : {}));
      seen.push(...page.reflections.map((r) => r.id));
      sizes.push(page.reflections.length);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(expected);
    expect(sizes[0]).toBe(20);

    // The queue's authors are named by organisation; the last organisation's author can be decided.
    const first = ok(await fc.call('rf-haixi-cadre', 'reading', 'listPendingReflections', {})).reflections[0];
    expect(first).toMatchObject({ id: expected[0], authorOrg: '海西基层工会1199' });
    expect(ok(await fc.call('rf-haixi-cadre', 'reading', 'moderateReflection', { reflectionId: expected[0] as string, decision: 'approve' }))).toEqual({ status: 'approved', changed: true });
    expect(ok(await fc.call('rf-haixi-cadre', 'reading', 'listPendingReflections', {})).reflections.map((r) => r.id)).toEqual(expected.slice(1, 21));
  });
});
