import { connectSdk } from '../localcloud/helpers/testCloud';
import { startFunctionCloud, type FunctionCloud } from './harness/functionCloud';
import { joinByRoster } from './harness/membership';

jest.setTimeout(60000);

let fc: FunctionCloud;
const hour = 3_600_000;

beforeAll(async () => {
  fc = await startFunctionCloud();
  const { db } = connectSdk(fc.cloud);
  await db.collection('roles').add({ data: { _id: 'role-mc-cadre', openid: 'mc-cadre', role: 'cadre', orgId: 'qh-xining', grantedBy: 'test', grantedAt: new Date() } });
});

afterAll(async () => {
  await fc?.close();
});

async function createContest(title: string, endsIn: number): Promise<string> {
  const created = await fc.call('mc-cadre', 'quiz', 'createContest', { title, startsAt: new Date(Date.now() - hour).toISOString(), endsAt: new Date(Date.now() + endsIn).toISOString(), histories: ['party'], questionCount: 5, timeLimitSeconds: 300, orgIds: ['qh-xining'] });
  if (!created.ok) throw new Error(created.message);
  return created.data.contestId;
}

describe('quiz function: 我的竞赛', () => {
  test('the contests a worker took part in, latest first: handed in with the score, being answered, missed; answers open only once a contest is over; no answers leave', async () => {
    await joinByRoster(fc, 'mc-w', 'qh-xining');
    const { db } = connectSdk(fc.cloud);
    const handedIn = await createContest('西宁市党史竞赛', hour);
    const answering = await createContest('西宁市工运史竞赛', hour);
    const ended = await createContest('西宁市新中国史竞赛', hour);
    const missed = await createContest('西宁市改革开放史竞赛', hour);
    for (const contestId of [missed, ended, handedIn, answering]) {
      const paper = await fc.call('mc-w', 'quiz', 'startContest', { contestId });
      if (!paper.ok) throw new Error(paper.message);
      if (contestId === handedIn || contestId === ended) expect((await fc.call('mc-w', 'quiz', 'submitAttempt', { attemptId: paper.data.attemptId, answers: [] })).ok).toBe(true);
      // Started one after another: a millisecond apart at least, so the order is the order here.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    // 新中国史 is over (its answers open); 改革开放史's paper ran out of time unsubmitted.
    await db.collection('contests').doc(ended).update({ data: { endsAt: new Date(Date.now() - hour) } });
    await db.collection('attempts').doc(`contest_${missed}_mc-w`).update({ data: { deadline: new Date(Date.now() - hour) } });

    const reply = await fc.call('mc-w', 'quiz', 'listMyContests', {});
    if (!reply.ok) throw new Error(reply.message);
    expect(reply.data.items.map((c) => [c.title, c.state, c.score, c.reviewOpen])).toEqual([
      ['西宁市工运史竞赛', 'open', null, false],
      ['西宁市党史竞赛', 'submitted', 0, false],
      ['西宁市新中国史竞赛', 'submitted', 0, true],
      ['西宁市改革开放史竞赛', 'missed', null, false],
    ]);
    expect(reply.data.items[1]).toMatchObject({ contestId: handedIn, attemptId: `contest_${handedIn}_mc-w`, startedAt: expect.any(String) });
    expect(reply.data.nextCursor).toBeNull();
    expect(JSON.stringify(reply.data)).not.toMatch(/"(answer|explanation|paper|review)"/);
    // Another worker's list is their own.
    expect(await fc.call('mc-other', 'quiz', 'listMyContests', {})).toEqual({ ok: true, data: { items: [], nextCursor: null } });
  });

  test('more than a page: the next page goes on after the last shown, each contest once, however many start at the same moment', async () => {
    const { db } = connectSdk(fc.cloud);
    const contestId = await createContest('西宁市读史月赛', hour);
    // 45 papers of contests (the stored shape), 5 of them started at the same moment as the page break.
    const at = (i: number) => new Date(Date.UTC(2026, 10, 1) + (i < 25 ? i : 25) * 60_000);
    const papers = Array.from({ length: 45 }, (_, i) => ({ _id: `contest_mc-bulk-${String(i).padStart(2, '0')}_mc-many`, openid: 'mc-many', kind: 'contest', contestId, day: '2026-11-01', status: 'submitted', paper: [], startedAt: at(i), deadline: at(i), timeLimitSeconds: 300, result: { score: i } }));
    await db.collection('attempts').add({ data: papers });
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 5; pages += 1) {
      const reply = await fc.call('mc-many', 'quiz', 'listMyContests', cursor ? { cursor } : {});
      if (!reply.ok) throw new Error(reply.message);
      seen.push(...reply.data.items.map((c) => c.attemptId));
      if (!reply.data.nextCursor) break;
      cursor = reply.data.nextCursor;
    }
    const expected = [...papers].sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime() || (a._id < b._id ? 1 : -1)).map((p) => p._id);
    expect(seen).toEqual(expected);
  });
});
