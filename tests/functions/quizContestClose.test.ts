import { connectSdk, type Db } from '../localcloud/helpers/testCloud';
import { startFunctionCloud, type FunctionCloud } from './harness/functionCloud';
import { joinByRoster } from './harness/membership';

// 结束竞赛: the creator (or an admin over its organisations) ends a running contest early. Nobody
// else may; a repeat changes nothing; the ranking stays as at the close; the questions it drew
// leave the sealed pool as at any end, except those another running contest still holds.
jest.setTimeout(120_000);

let fc: FunctionCloud;
let db: Db;
const hour = 3_600_000;

beforeAll(async () => {
  fc = await startFunctionCloud();
  ({ db } = connectSdk(fc.cloud));
  const grants: Array<[string, string, string]> = [
    ['cc-cadre', 'cadre', 'qh-xining'],
    ['cc-other-cadre', 'cadre', 'qh-haibei'],
    ['cc-xining-admin', 'admin', 'qh-xining'],
    ['cc-haibei-admin', 'admin', 'qh-haibei'],
  ];
  for (const [openid, role, orgId] of grants) await db.collection('roles').add({ data: { _id: `role-${openid}`, openid, role, orgId, grantedBy: 'test', grantedAt: new Date() } });
  for (const [openid, nickname] of [['cc-a', '卓玛'], ['cc-b', '多杰']] as const) {
    await fc.call(openid, 'account', 'updateProfile', { nickname });
    await joinByRoster(fc, openid, 'qh-xining');
  }
});

afterAll(async () => {
  await fc?.close();
});

const contest = (overrides: Record<string, unknown> = {}) => ({
  title: '西宁市“读四史”知识竞赛',
  startsAt: new Date(Date.now() - hour).toISOString(),
  endsAt: new Date(Date.now() + hour).toISOString(),
  histories: ['party', 'labor'] as Array<'party' | 'labor' | 'socialism'>,
  questionCount: 6,
  timeLimitSeconds: 300,
  orgIds: ['qh-xining'],
  ...overrides,
});

async function create(overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await fc.call('cc-cadre', 'quiz', 'createContest', contest(overrides));
  if (!created.ok) throw new Error(created.message);
  return created.data.contestId;
}

async function rightAnswers(attemptId: string): Promise<Array<{ questionId: string; choice: Array<'A' | 'B' | 'C' | 'D' | 'E'> }>> {
  const { data } = (await db.collection('attempts').where({ _id: attemptId }).get()) as { data: Array<{ paper: Array<{ id: string; answer: Array<'A' | 'B' | 'C' | 'D' | 'E'> }> }> };
  return (data[0]?.paper ?? []).map((q) => ({ questionId: q.id, choice: q.answer }));
}

async function auditCount(contestId: string): Promise<number> {
  const { data } = await db.collection('audit_log').where({ action: 'contest.close', target: contestId }).get();
  return data.length;
}

test('only the creator or an admin over its organisations may close a contest; another union’s cadre or admin and a worker may not', async () => {
  const contestId = await create();
  expect(await fc.call('cc-other-cadre', 'quiz', 'closeContest', { contestId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await fc.call('cc-haibei-admin', 'quiz', 'closeContest', { contestId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await fc.call('cc-a', 'quiz', 'closeContest', { contestId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await fc.call('cc-a', 'quiz', 'listContests', {})).toMatchObject({ ok: true, data: { contests: [{ id: contestId }] } });
  expect(await auditCount(contestId)).toBe(0);

  const byAdmin = await create({ title: '西宁市管理员结束的竞赛' });
  expect(await fc.call('cc-xining-admin', 'quiz', 'closeContest', { contestId: byAdmin })).toMatchObject({ ok: true, data: { alreadyEnded: false } });
  expect(await fc.call('cc-cadre', 'quiz', 'closeContest', { contestId: 'no-such-contest' })).toMatchObject({ ok: false, code: 'CONTEST_NOT_FOUND' });
  const upcoming = await create({ title: '还没开始的竞赛', startsAt: new Date(Date.now() + hour).toISOString(), endsAt: new Date(Date.now() + 2 * hour).toISOString() });
  expect(await fc.call('cc-cadre', 'quiz', 'closeContest', { contestId: upcoming })).toMatchObject({ ok: false, code: 'CONTEST_NOT_STARTED' });
});

test('closing twice closes once: the second answers the same end, writes no second audit entry', async () => {
  const contestId = await create({ title: '结束两次的竞赛' });
  const first = await fc.call('cc-cadre', 'quiz', 'closeContest', { contestId });
  if (!first.ok) throw new Error(first.message);
  expect(first.data).toMatchObject({ contestId, alreadyEnded: false });
  expect(first.data.closedAt).toBe(first.data.endsAt);
  const second = await fc.call('cc-cadre', 'quiz', 'closeContest', { contestId });
  expect(second).toEqual({ ok: true, data: { ...first.data, alreadyEnded: true } });
  expect(await auditCount(contestId)).toBe(1);
  // The worker's list no longer offers it, and it cannot be started.
  const listed = await fc.call('cc-a', 'quiz', 'listContests', {});
  expect(listed.ok && listed.data.contests.some((c) => c.id === contestId)).toBe(false);
  expect(await fc.call('cc-a', 'quiz', 'startContest', { contestId })).toMatchObject({ ok: false, code: 'CONTEST_CLOSED' });
});

test('the ranking settles after the close: a paper started before it counts only when handed in within the two-minute window', async () => {
  const contestId = await create({ title: '提前结束的竞赛' });
  const a = await fc.call('cc-a', 'quiz', 'startContest', { contestId });
  const b = await fc.call('cc-b', 'quiz', 'startContest', { contestId });
  if (!a.ok || !b.ok) throw new Error('start failed');
  expect(await fc.call('cc-a', 'quiz', 'submitAttempt', { attemptId: a.data.attemptId, answers: [] })).toMatchObject({ ok: true });

  expect(await fc.call('cc-cadre', 'quiz', 'closeContest', { contestId })).toMatchObject({ ok: true });
  // Three minutes later (past the hand-in window and the network grace), as if the close was then.
  const closedBefore = new Date(Date.now() - 180_000);
  await db.collection('contests').doc(contestId).update({ data: { endsAt: closedBefore, closedAt: closedBefore } });
  const late = await fc.call('cc-b', 'quiz', 'submitAttempt', { attemptId: b.data.attemptId, answers: await rightAnswers(b.data.attemptId) });
  expect(late).toMatchObject({ ok: false, code: 'ATTEMPT_EXPIRED' });

  const ranking = await fc.call('cc-cadre', 'quiz', 'getContestRanking', { contestId });
  expect(ranking).toMatchObject({ ok: true, data: { top: [{ nickname: '卓玛', rank: 1, score: 0 }] } });
  expect(ranking.ok && ranking.data.top).toHaveLength(1);
  // The answers of the closed contest open as at any end.
  const result = await fc.call('cc-a', 'quiz', 'getAttemptResult', { attemptId: a.data.attemptId });
  expect(JSON.stringify(result)).toMatch(/"explanation"/);
});

test('the cadre’s contests come a page at a time by start, with status, participants and the close', async () => {
  const { data } = (await db.collection('contests').where({ createdBy: 'cc-cadre' }).get()) as { data: Array<{ _id: string; startsAt: string }> };
  const expected = [...data].sort((x, y) => new Date(y.startsAt).getTime() - new Date(x.startsAt).getTime() || (y._id < x._id ? -1 : 1)).map((c) => c._id);
  expect(expected.length).toBeGreaterThan(3);
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 10; pages += 1) {
    const page = await fc.call('cc-cadre', 'quiz', 'listManagedContests', { limit: 2, ...(cursor ? { cursor } : {}) });
    if (!page.ok) throw new Error(page.message);
    expect(page.data.contests.length).toBeLessThanOrEqual(2);
    seen.push(...page.data.contests.map((c) => c.id));
    if (!page.data.nextCursor) break;
    cursor = page.data.nextCursor;
  }
  expect(seen).toEqual(expected);

  const all = await fc.call('cc-cadre', 'quiz', 'listManagedContests', { limit: 50 });
  if (!all.ok) throw new Error(all.message);
  const byTitle = new Map(all.data.contests.map((c) => [c.title, c]));
  expect(byTitle.get('提前结束的竞赛')).toMatchObject({ status: 'ended', participants: 1 });
  expect(byTitle.get('提前结束的竞赛')?.closedAt).not.toBeNull();
  expect(byTitle.get('还没开始的竞赛')).toMatchObject({ status: 'upcoming', closedAt: null, participants: 0 });
  expect(byTitle.get('西宁市“读四史”知识竞赛')).toMatchObject({ status: 'running', closedAt: null });
});

describe('the sealed pool follows the close', () => {
  const history = 'socialism';
  let x = '';
  let y = '';

  async function seals(): Promise<Array<{ until: string | null; by: string[] }>> {
    const { data } = (await db.collection('questions').where({ _id: db.command.in([x, y]) }).field({ sealedUntil: true, sealedFor: true }).get()) as { data: Array<{ sealedUntil?: string; sealedFor?: string[] }> };
    return data.map((d) => ({ until: d.sealedUntil ? new Date(d.sealedUntil).toISOString() : null, by: [...(d.sealedFor ?? [])].sort() }));
  }

  async function endsAt(contestId: string): Promise<Date> {
    const { data } = (await db.collection('contests').where({ _id: contestId }).get()) as { data: Array<{ endsAt: string }> };
    return new Date(data[0]?.endsAt ?? 0);
  }

  const over = (at: Date) => new Date(at.getTime() + 30_000).toISOString();

  beforeAll(async () => {
    const _ = db.command;
    // The history's bank, as this test sets it: two sealed questions, every other one retired.
    const { data } = (await db.collection('questions').where({ history }).field({ _id: true }).limit(1000).get()) as { data: Array<{ _id: string }> };
    [x, y] = data.map((d) => d._id) as [string, string];
    await db.collection('questions').where({ history }).update({ data: { retired: true, sealed: false, sealedUntil: _.remove() } });
    await db.collection('questions').where({ _id: _.in([x, y]) }).update({ data: { retired: false, sealed: true } });
  });

  test('closing a contest keeps its questions sealed while another running contest holds them, and releases them when none does', async () => {
    const longer = await create({ title: '社会主义发展史长期竞赛', histories: [history], questionCount: 5, endsAt: new Date(Date.now() + 3 * hour).toISOString() });
    const shorter = await create({ title: '社会主义发展史短期竞赛', histories: [history], questionCount: 5 });
    expect(await fc.call('cc-a', 'quiz', 'startContest', { contestId: longer })).toMatchObject({ ok: true });
    expect(await fc.call('cc-b', 'quiz', 'startContest', { contestId: shorter })).toMatchObject({ ok: true });
    const longerOver = over(await endsAt(longer));
    expect(await seals()).toEqual([
      { until: longerOver, by: [longer, shorter].sort() },
      { until: longerOver, by: [longer, shorter].sort() },
    ]);

    // The longer one closes: the shorter one still runs, so they stay out until it is over.
    expect(await fc.call('cc-cadre', 'quiz', 'closeContest', { contestId: longer })).toMatchObject({ ok: true });
    const shorterOver = over(await endsAt(shorter));
    expect((await seals()).map((s) => s.until)).toEqual([shorterOver, shorterOver]);
    expect(await fc.call('cc-a', 'quiz', 'practiceNext', { from: 'history', history })).toMatchObject({ ok: false, code: 'NO_QUESTIONS' });

    // The shorter one closes too: nothing holds them, they are released as at its end.
    const closed = await fc.call('cc-cadre', 'quiz', 'closeContest', { contestId: shorter });
    if (!closed.ok) throw new Error(closed.message);
    // Over once the hand-in window after the close has passed.
    const closeOver = over(new Date(new Date(closed.data.endsAt).getTime() + 120_000));
    expect((await seals()).map((s) => s.until)).toEqual([closeOver, closeOver]);
  });
});
