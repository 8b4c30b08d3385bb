import { convergenceWorld, expectConvergence, untagged } from './harness/convergence';
import { joinByRoster } from './harness/membership';

// A contest submission dies at each of its database requests in turn, is retried, and must leave
// what a run without a fault leaves: one entry, one rank count, and the worker counted once in
// their organisation's participation (the tally), the entry marked as counted.
const world = convergenceWorld(300_000);
const { all } = world;

const worker = (tag: string) => `cv-ct-${tag}`;
const contestOf = (tag: string) => `cvct${tag}`;
const papers = new Map<string, { attemptId: string; answers: Array<{ questionId: string; choice: string[] }> }>();

beforeAll(async () => {
  await world.db.collection('roles').add({ data: { _id: 'role-cv-ct-admin', openid: 'cv-ct-admin', role: 'admin', orgId: null, grantedBy: 'test', grantedAt: new Date() } });
});

test('a contest submission that dies at any database request converges on its retry: counted once in its organisation', async () => {
  const steps = await expectConvergence(world.fc.cloud, {
    functionName: 'quiz',
    action: 'submitAttempt',
    setup: async (tag) => {
      const now = Date.now();
      await world.db.collection('contests').add({
        data: { _id: contestOf(tag), title: '海西职工竞赛', startsAt: new Date(now - 60_000), endsAt: new Date(now + 3_600_000), histories: ['party'], questionCount: 5, timeLimitSeconds: 300, orgIds: ['qh-haixi'], createdBy: 'cv-ct-admin', createdAt: new Date(now) },
      });
      // Another worker of the organisation took part already: the tally exists, as it mostly will.
      for (const openid of [worker(tag), `${worker(tag)}-other`]) await joinByRoster(world.fc, openid, 'qh-haixi');
      const other = await world.fc.call(`${worker(tag)}-other`, 'quiz', 'startContest', { contestId: contestOf(tag) });
      if (!other.ok) throw new Error(other.message);
      await world.fc.call(`${worker(tag)}-other`, 'quiz', 'submitAttempt', { attemptId: other.data.attemptId, answers: [] });
      const started = await world.fc.call(worker(tag), 'quiz', 'startContest', { contestId: contestOf(tag) });
      if (!started.ok) throw new Error(started.message);
      const { data } = (await world.db.collection('attempts').where({ _id: started.data.attemptId }).get()) as { data: Array<{ paper: Array<{ id: string; answer: string[] }> }> };
      papers.set(tag, { attemptId: started.data.attemptId, answers: (data[0]?.paper ?? []).map((q, i) => ({ questionId: q.id, choice: i < 3 ? q.answer : [] })) });
    },
    call: (tag) => {
      const paper = papers.get(tag);
      if (!paper) throw new Error(`no paper for ${tag}`);
      return world.fc.call(worker(tag), 'quiz', 'submitAttempt', { attemptId: paper.attemptId, answers: paper.answers as never });
    },
    answer: (result) => (result.ok ? { score: result.data.score, correctCount: result.data.correctCount } : result),
    state: async (tag) => {
      const contestId = contestOf(tag);
      const tallies = (await all('contest_tallies', { contestId })).map(({ _id, orgId, participants, scoreSum, done }) => ({ _id, orgId, participants, scoreSum, done: (done as string[]).slice().sort() }));
      const entries = (await all('leaderboards', { boardKey: `contest:${contestId}` })).map(({ openid, paperScore, tallied }) => ({ openid, paperScore, tallied })).sort((a, b) => String(a.openid).localeCompare(String(b.openid)));
      const view = await world.fc.call('cv-ct-admin', 'quiz', 'getContestParticipation', { contestId });
      return untagged({ tallies, entries, view }, tag);
    },
  });
  expect(steps).toBeGreaterThanOrEqual(8);
  // The clean run: two workers of 海西, one with 0 and one with 60.
  const view = await world.fc.call('cv-ct-admin', 'quiz', 'getContestParticipation', { contestId: contestOf('clean') });
  expect(view).toMatchObject({ ok: true, data: { total: 2, rows: [{ orgId: 'qh-haixi', participants: 2, averageScore: 30 }], nextCursor: null } });
});
