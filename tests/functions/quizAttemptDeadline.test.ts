import { connectSdk, type Db } from '../localcloud/helpers/testCloud';
import { startFunctionCloud, type FunctionCloud } from './harness/functionCloud';
import { joinByRoster } from './harness/membership';

// getAttemptDeadline: the answer page of a contest paper asks it now and then, so that a contest
// ended early shortens the worker's countdown instead of refusing the paper at 交卷. It answers
// the deadline submitAttempt applies, for the paper's owner only, in one or two small reads.
jest.setTimeout(120_000);

let fc: FunctionCloud;
let db: Db;
const hour = 3_600_000;
const graceMs = 30_000;

beforeAll(async () => {
  fc = await startFunctionCloud();
  ({ db } = connectSdk(fc.cloud));
  await db.collection('roles').add({ data: { _id: 'role-ad-cadre', openid: 'ad-cadre', role: 'cadre', orgId: 'qh-xining', grantedBy: 'test', grantedAt: new Date() } });
  for (const openid of ['ad-a', 'ad-b', 'ad-c']) await joinByRoster(fc, openid, 'qh-xining');
});

afterAll(async () => {
  await fc?.close();
});

async function createContest(title: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await fc.call('ad-cadre', 'quiz', 'createContest', {
    title,
    startsAt: new Date(Date.now() - hour).toISOString(),
    endsAt: new Date(Date.now() + hour).toISOString(),
    histories: ['party', 'labor'],
    questionCount: 5,
    timeLimitSeconds: 600,
    orgIds: ['qh-xining'],
    ...overrides,
  });
  if (!created.ok) throw new Error(created.message);
  return created.data.contestId;
}

async function startContest(openid: string, contestId: string): Promise<{ attemptId: string; deadline: string }> {
  const paper = await fc.call(openid, 'quiz', 'startContest', { contestId });
  if (!paper.ok) throw new Error(paper.message);
  return paper.data;
}

const plusGrace = (iso: string) => new Date(new Date(iso).getTime() + graceMs).toISOString();

test('a daily paper answers its own deadline, never closed early, in one read', async () => {
  const paper = await fc.call('ad-a', 'quiz', 'startDaily', {});
  if (!paper.ok) throw new Error(paper.message);
  const { value, calls } = await fc.cloud.measure(() => fc.call('ad-a', 'quiz', 'getAttemptDeadline', { attemptId: paper.data.attemptId }));
  expect(value).toEqual({ ok: true, data: { attemptId: paper.data.attemptId, deadline: paper.data.deadline, acceptedUntil: plusGrace(paper.data.deadline), closedEarly: false } });
  expect(calls[0]?.roundTrips).toBe(1);
  // The paper (its questions and keys) is not read for this: only the attempt's owner and times.
  expect(calls[0]?.docsExamined).toBeLessThanOrEqual(1);
});

test('a contest paper of a running contest answers its own deadline, in two reads', async () => {
  const contestId = await createContest('西宁市“读四史”竞赛');
  const paper = await startContest('ad-a', contestId);
  const { value, calls } = await fc.cloud.measure(() => fc.call('ad-a', 'quiz', 'getAttemptDeadline', { attemptId: paper.attemptId }));
  expect(value).toEqual({ ok: true, data: { attemptId: paper.attemptId, deadline: paper.deadline, acceptedUntil: plusGrace(paper.deadline), closedEarly: false } });
  expect(calls[0]?.roundTrips).toBe(2);
});

test('a contest closed early moves the deadline to two minutes after the close (the hand-in window), and submitting keeps to the same moment', async () => {
  const contestId = await createContest('提前结束的竞赛');
  const a = await startContest('ad-a', contestId);
  const b = await startContest('ad-b', contestId);
  const closed = await fc.call('ad-cadre', 'quiz', 'closeContest', { contestId });
  if (!closed.ok) throw new Error(closed.message);
  const closedAt = closed.data.endsAt;
  expect(new Date(closedAt).getTime()).toBeLessThan(new Date(a.deadline).getTime());

  // Papers being answered get the hand-in window, unless their own time ends first.
  const handInEnd = new Date(Math.min(new Date(closedAt).getTime() + 120_000, new Date(a.deadline).getTime())).toISOString();
  const asked = await fc.call('ad-a', 'quiz', 'getAttemptDeadline', { attemptId: a.attemptId });
  expect(asked).toEqual({ ok: true, data: { attemptId: a.attemptId, deadline: handInEnd, acceptedUntil: plusGrace(handInEnd), closedEarly: true } });
  // Within the grace it says, the paper is still taken.
  expect(await fc.call('ad-a', 'quiz', 'submitAttempt', { attemptId: a.attemptId, answers: [] })).toMatchObject({ ok: true });

  // As if the close were three minutes ago: past the window and the grace, and submitting refuses it too.
  const closedBefore = new Date(Date.now() - 180_000);
  await db.collection('contests').doc(contestId).update({ data: { endsAt: closedBefore, closedAt: closedBefore } });
  const late = await fc.call('ad-b', 'quiz', 'getAttemptDeadline', { attemptId: b.attemptId });
  if (!late.ok) throw new Error(late.message);
  expect(late.data).toMatchObject({ deadline: new Date(closedBefore.getTime() + 120_000).toISOString(), closedEarly: true });
  expect(new Date(late.data.acceptedUntil).getTime()).toBeLessThan(Date.now());
  expect(await fc.call('ad-b', 'quiz', 'submitAttempt', { attemptId: b.attemptId, answers: [] })).toMatchObject({ ok: false, code: 'ATTEMPT_EXPIRED' });
});

test('a paper whose own time ends before the close keeps its own deadline', async () => {
  const contestId = await createContest('先到时限的竞赛');
  const paper = await startContest('ad-c', contestId);
  // Started long enough ago that its time is up before the cadre closes the contest.
  const ownDeadline = new Date(Date.now() - 10_000);
  await db.collection('attempts').doc(paper.attemptId).update({ data: { deadline: ownDeadline } });
  expect(await fc.call('ad-cadre', 'quiz', 'closeContest', { contestId })).toMatchObject({ ok: true, data: { alreadyEnded: false } });
  expect(await fc.call('ad-c', 'quiz', 'getAttemptDeadline', { attemptId: paper.attemptId })).toEqual({
    ok: true,
    data: { attemptId: paper.attemptId, deadline: ownDeadline.toISOString(), acceptedUntil: plusGrace(ownDeadline.toISOString()), closedEarly: true },
  });
});

test('only the paper’s owner may ask; unknown papers, challenge runs and bad input are refused', async () => {
  const contestId = await createContest('只许本人查看的竞赛');
  const paper = await startContest('ad-b', contestId);
  expect(await fc.call('ad-a', 'quiz', 'getAttemptDeadline', { attemptId: paper.attemptId })).toMatchObject({ ok: false, code: 'NOT_YOUR_ATTEMPT' });
  expect(await fc.call('ad-cadre', 'quiz', 'getAttemptDeadline', { attemptId: paper.attemptId })).toMatchObject({ ok: false, code: 'NOT_YOUR_ATTEMPT' });
  expect(await fc.call('ad-a', 'quiz', 'getAttemptDeadline', { attemptId: 'no-such-attempt' })).toMatchObject({ ok: false, code: 'ATTEMPT_NOT_FOUND' });
  const run = await fc.call('ad-a', 'quiz', 'challengeStart', {});
  if (!run.ok) throw new Error(run.message);
  expect(await fc.call('ad-a', 'quiz', 'getAttemptDeadline', { attemptId: run.data.attemptId })).toMatchObject({ ok: false, code: 'ATTEMPT_NOT_FOUND' });

  for (const input of [{}, { attemptId: '' }, { attemptId: { $gt: '' } }, { attemptId: paper.attemptId, openid: 'ad-b' }, { attemptId: 'x'.repeat(200) }]) {
    const reply = (await fc.callRaw('ad-a', 'quiz', { action: 'getAttemptDeadline', input })) as { ok: boolean; code?: string; message?: string };
    expect(reply).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect(reply.message).toMatch(/[\u4e00-\u9fa5]/);
  }
});
