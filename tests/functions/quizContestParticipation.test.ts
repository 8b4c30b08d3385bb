import { connectSdk, type Db } from '../localcloud/helpers/testCloud';
import { startFunctionCloud, type FunctionCloud } from './harness/functionCloud';
import { rosterAdmin } from './harness/membership';

jest.setTimeout(240_000);

let fc: FunctionCloud;
let db: Db;
const admin = 'cp-admin';

beforeAll(async () => {
  fc = await startFunctionCloud();
  db = connectSdk(fc.cloud).db;
  await db.collection('roles').add({ data: { _id: 'role-cp-admin', openid: admin, role: 'admin', orgId: null, grantedBy: 'test', grantedAt: new Date() } });
  await db.collection('roles').add({ data: { _id: 'role-cp-cadre', openid: 'cp-cadre', role: 'cadre', orgId: 'qh-haibei', grantedBy: 'test', grantedAt: new Date() } });
});

afterAll(async () => {
  await fc?.close();
});

async function addContest(contestId: string, orgIds: string[]): Promise<void> {
  const now = Date.now();
  await db.collection('contests').add({
    data: { _id: contestId, title: '全省职工读史竞赛', startsAt: new Date(now - 60_000), endsAt: new Date(now + 3_600_000), histories: ['party', 'labor'], questionCount: 5, timeLimitSeconds: 300, orgIds, createdBy: admin, createdAt: new Date(now) },
  });
}

/** Approved members of an organisation, as one roster import makes them. */
async function roster(orgId: string, openids: string[]): Promise<void> {
  await db.collection('roles').doc('test-roster-admin').set({ data: { openid: rosterAdmin, role: 'admin', orgId: null, grantedBy: 'test', grantedAt: new Date() } });
  const reply = await fc.call(rosterAdmin, 'account', 'importRoster', { orgId, openids });
  await db.collection('roles').doc('test-roster-admin').remove();
  if (!reply.ok) throw new Error(reply.message);
}

/** Starts the worker's paper and answers `right` of its questions right. */
async function paperOf(openid: string, contestId: string, right: number): Promise<{ attemptId: string; answers: Array<{ questionId: string; choice: string[] }> }> {
  const started = await fc.call(openid, 'quiz', 'startContest', { contestId });
  if (!started.ok) throw new Error(`${openid}: ${started.message}`);
  const { data } = (await db.collection('attempts').where({ _id: started.data.attemptId }).get()) as { data: Array<{ paper: Array<{ id: string; answer: string[] }> }> };
  return { attemptId: started.data.attemptId, answers: (data[0]?.paper ?? []).map((q, i) => ({ questionId: q.id, choice: i < right ? q.answer : [] })) };
}

async function allPages(viewer: string, contestId: string, limit: number): Promise<{ rows: Array<{ orgId: string | null; orgName: string; participants: number; averageScore: number }>; pages: number; totals: number[]; cursors: string[] }> {
  const rows = [];
  const totals = [];
  const cursors: string[] = [];
  let cursor: string | undefined;
  for (let pages = 1; ; pages += 1) {
    const reply = await fc.call(viewer, 'quiz', 'getContestParticipation', cursor ? { contestId, cursor, limit } : { contestId, limit });
    if (!reply.ok) throw new Error(reply.message);
    expect(reply.data.rows.length).toBeLessThanOrEqual(limit);
    rows.push(...reply.data.rows);
    totals.push(reply.data.total);
    if (!reply.data.nextCursor) return { rows, pages, totals, cursors };
    cursor = reply.data.nextCursor;
    cursors.push(cursor);
  }
}

test('concurrent submissions, some sent twice at once and some dying half way and retried, are each counted once in their organisation', async () => {
  const contestId = 'cp-burst';
  await addContest(contestId, ['qh-xining', 'qh-haidong', 'qh-haixi']);
  const orgs = [
    { orgId: 'qh-xining', n: 24 },
    { orgId: 'qh-haidong', n: 12 },
    { orgId: 'qh-haixi', n: 6 },
  ];
  const workers = orgs.flatMap(({ orgId, n }) => Array.from({ length: n }, (_, i) => ({ openid: `cp-${orgId}-${i}`, orgId, right: i % 6 })));
  for (const { orgId } of orgs) await roster(orgId, workers.filter((w) => w.orgId === orgId).map((w) => w.openid));
  const papers = new Map<string, Awaited<ReturnType<typeof paperOf>>>();
  for (let i = 0; i < workers.length; i += 14) {
    await Promise.all(workers.slice(i, i + 14).map(async (w) => papers.set(w.openid, await paperOf(w.openid, contestId, w.right))));
  }
  // Every fourth worker's call dies late in its settling (after its entry, about its tally); every fifth sends the paper twice at once.
  const dying = workers.filter((_, i) => i % 4 === 1);
  dying.forEach((w, k) => fc.cloud.injectFault({ functionName: 'quiz', action: 'submitAttempt', openid: w.openid, failAtCall: 13 + (k % 4) }));
  const submit = (openid: string) => {
    const paper = papers.get(openid);
    if (!paper) throw new Error(`no paper for ${openid}`);
    return fc.call(openid, 'quiz', 'submitAttempt', { attemptId: paper.attemptId, answers: paper.answers as never });
  };
  const calls = workers.flatMap((w, i) => (i % 5 === 0 ? [w.openid, w.openid] : [w.openid]));
  const settled = await Promise.allSettled(calls.map(submit));
  fc.cloud.clearFaults();
  expect(settled.filter((s) => s.status === 'rejected').length).toBe(dying.length);
  expect(settled.flatMap((s) => (s.status === 'fulfilled' && !s.value.ok ? [s.value] : []))).toEqual([]);
  // The dead calls are sent again, as the page does on a failure.
  for (const w of dying) expect((await submit(w.openid)).ok).toBe(true);

  // What a count over the entries says, organisation by organisation.
  const { data: entries } = (await db.collection('leaderboards').where({ boardKey: `contest:${contestId}` }).limit(1000).get()) as { data: Array<{ orgId: string; paperScore: number; tallied: boolean }> };
  expect(entries).toHaveLength(workers.length);
  expect(entries.every((e) => e.tallied)).toBe(true);
  const expected = orgs.map(({ orgId }) => {
    const mine = entries.filter((e) => e.orgId === orgId);
    return { orgId, participants: mine.length, averageScore: Math.round(mine.reduce((n, e) => n + e.paperScore, 0) / mine.length) };
  });
  const view = await allPages(admin, contestId, 2);
  expect(view.pages).toBe(2);
  expect(view.totals).toEqual([workers.length, workers.length]);
  expect(view.rows.map(({ orgId, participants, averageScore }) => ({ orgId, participants, averageScore }))).toEqual(expected);
  expect(view.rows.map((r) => r.orgName)).toEqual(['西宁市总工会', '海东市总工会', '海西蒙古族藏族自治州总工会']);

  // A later resubmission of a counted paper (the entry is marked) adds nothing.
  const [first] = workers;
  if (!first) throw new Error('no workers');
  expect((await submit(first.openid)).ok).toBe(true);
  expect((await allPages(admin, contestId, 20)).rows[0]).toMatchObject({ orgId: 'qh-xining', participants: 24 });
});

test('organisations page by participants, ties by id across the page break, each once, past a thousand; a view reads the same however many took part', async () => {
  const contestId = 'cp-paged';
  await addContest(contestId, ['qh']);
  // Tallies as submissions leave them (and no worker without an organisation), written in bulk: 45 organisations first.
  const tally = (orgId: string | null, participants: number) => ({ _id: `${contestId}|${orgId ?? '-'}`, contestId, orgId, participants, scoreSum: participants * 70, done: [] });
  const first = [tally('qh-xining', 900), tally('qh-haidong', 700), tally(null, 650), ...Array.from({ length: 42 }, (_, i) => tally(`cp-org-${String(i).padStart(4, '0')}`, 600 - Math.floor(i / 2)))];
  await db.collection('contest_tallies').add({ data: first });
  const { value: firstPage, calls } = await fc.cloud.measure(() => fc.call(admin, 'quiz', 'getContestParticipation', { contestId, limit: 20 }));
  if (!firstPage.ok) throw new Error(firstPage.message);
  expect(firstPage.data.rows.slice(0, 3)).toEqual([
    { orgId: 'qh-xining', orgName: '西宁市总工会', participants: 900, averageScore: 70 },
    { orgId: 'qh-haidong', orgName: '海东市总工会', participants: 700, averageScore: 70 },
    { orgId: null, orgName: '未选择组织', participants: 650, averageScore: 70 },
  ]);
  // Rows 20 and 21 tie (cp-org-0016 and -0017 both 592): the later id comes first, the other opens the next page.
  expect(firstPage.data.rows[19]).toMatchObject({ orgId: 'cp-org-0017', participants: 592, orgName: 'cp-org-0017' });
  const second = await fc.call(admin, 'quiz', 'getContestParticipation', { contestId, limit: 20, cursor: firstPage.data.nextCursor as string });
  if (!second.ok) throw new Error(second.message);
  expect(second.data.rows[0]).toMatchObject({ orgId: 'cp-org-0016', participants: 592 });
  const paged = await allPages(admin, contestId, 20);
  expect(paged.pages).toBe(3);
  const byRank = [...first].sort((a, b) => b.participants - a.participants || (a._id < b._id ? 1 : -1));
  expect(paged.rows.map((r) => r.orgId)).toEqual(byRank.map((t) => t.orgId));

  // 1,200 more organisations (fewer participants each): the first page costs the same, and paging reaches every one.
  const more = Array.from({ length: 1200 }, (_, i) => tally(`cp-more-${String(i).padStart(4, '0')}`, 1 + (i % 500)));
  for (let i = 0; i < more.length; i += 500) await db.collection('contest_tallies').add({ data: more.slice(i, i + 500) });
  const again = await fc.cloud.measure(() => fc.call(admin, 'quiz', 'getContestParticipation', { contestId, limit: 20 }));
  expect(again.value).toEqual(firstPage);
  const [before] = calls;
  const [after] = again.calls;
  expect(after?.keysExamined).toBe(before?.keysExamined);
  expect(after?.docsExamined).toBe(before?.docsExamined);
  // The page (21 keys and documents), the page's names, the contest, the cadre's roles and the rank counts.
  expect((after?.keysExamined ?? 0) + (after?.docsExamined ?? 0)).toBeLessThanOrEqual(120);
  const everyone = await allPages(admin, contestId, 50);
  expect(everyone.rows).toHaveLength(1245);
  expect(new Set(everyone.rows.map((r) => r.orgId)).size).toBe(1245);
  expect(everyone.rows.every((r, i) => i === 0 || (everyone.rows[i - 1]?.participants ?? 0) >= r.participants)).toBe(true);
  // A page deep in the list starts its walk at its cursor: about what the first page costs, not the 1,000 before it.
  const deep = await fc.cloud.measure(() => fc.call(admin, 'quiz', 'getContestParticipation', { contestId, limit: 20, cursor: everyone.cursors[20] as string }));
  expect(deep.value).toMatchObject({ ok: true, data: { rows: everyone.rows.slice(1050, 1070) } });
  expect((deep.calls[0]?.keysExamined ?? 0) + (deep.calls[0]?.docsExamined ?? 0)).toBeLessThanOrEqual(140);

  // A cursor that does not decode starts again at the first page; another union's cadre may not look.
  expect(await fc.call(admin, 'quiz', 'getContestParticipation', { contestId, limit: 20, cursor: 'not-a-cursor' })).toEqual(firstPage);
  expect(await fc.call('cp-cadre', 'quiz', 'getContestParticipation', { contestId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await fc.callRaw(admin, 'quiz', { action: 'getContestParticipation', input: { contestId, limit: 500 } })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
});
