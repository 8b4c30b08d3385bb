import { bucketOf, countsDocId, shardOf } from '../../server/points/rankCounts';
import { connectSdk } from '../localcloud/helpers/testCloud';
import { startFunctionCloud, type FunctionCloud } from './harness/functionCloud';
import { joinByRoster } from './harness/membership';

jest.setTimeout(60000);

let fc: FunctionCloud;

beforeAll(async () => {
  fc = await startFunctionCloud();
  const { db } = connectSdk(fc.cloud);
  await db.collection('roles').add({ data: { _id: 'role-ct-cadre', openid: 'ct-cadre', role: 'cadre', orgId: 'qh-xining', grantedBy: 'test', grantedAt: new Date() } });
});

afterAll(async () => {
  await fc?.close();
});

type Letter = 'A' | 'B' | 'C' | 'D' | 'E';

async function paperAnswers(attemptId: string, right: number): Promise<Array<{ questionId: string; choice: Letter[] }>> {
  const { db } = connectSdk(fc.cloud);
  const { data } = (await db.collection('attempts').where({ _id: attemptId }).get()) as { data: Array<{ paper: Array<{ id: string; answer: Letter[] }> }> };
  return (data[0]?.paper ?? []).map((q, i) => ({ questionId: q.id, choice: i < right ? q.answer : [] }));
}

const hour = 3600_000;
const contest = (overrides: Record<string, unknown> = {}) => ({
  title: '西宁市“读四史”知识竞赛',
  startsAt: new Date(Date.now() - hour).toISOString(),
  endsAt: new Date(Date.now() + hour).toISOString(),
  histories: ['party', 'labor'] as Array<'party' | 'labor'>,
  questionCount: 6,
  timeLimitSeconds: 300,
  orgIds: ['qh-xining'],
  ...overrides,
});

describe('quiz function: 竞赛', () => {
  test('a cadre creates a contest for their union; its workers take one scored attempt, ranked by score then time', async () => {
    const created = await fc.call('ct-cadre', 'quiz', 'createContest', contest());
    if (!created.ok) throw new Error(created.message);
    const { contestId } = created.data;
    for (const [openid, nickname] of [['ct-a', '卓玛'], ['ct-b', '多杰'], ['ct-out', '外单位']] as const) {
      await fc.call(openid, 'account', 'updateProfile', { nickname });
      await joinByRoster(fc, openid, openid === 'ct-out' ? 'qh-haibei' : 'qh-xining');
    }
    const listed = await fc.call('ct-a', 'quiz', 'listContests', {});
    expect(listed).toMatchObject({ ok: true, data: { contests: [{ id: contestId, questionCount: 6, attempted: false }] } });
    expect(await fc.call('ct-out', 'quiz', 'listContests', {})).toMatchObject({ ok: true, data: { contests: [] } });
    expect(await fc.call('ct-out', 'quiz', 'startContest', { contestId })).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE' });

    for (const [openid, right] of [['ct-a', 4], ['ct-b', 6]] as const) {
      const paper = await fc.call(openid, 'quiz', 'startContest', { contestId });
      if (!paper.ok) throw new Error(paper.message);
      expect(JSON.stringify(paper)).not.toMatch(/"(answer|explanation)"/);
      expect(paper.data.questions).toHaveLength(6);
      expect(new Set(paper.data.questions.map((q) => q.history))).toEqual(new Set(['party', 'labor']));
      const submitted = await fc.call(openid, 'quiz', 'submitAttempt', { attemptId: paper.data.attemptId, answers: await paperAnswers(paper.data.attemptId, right) });
      expect(submitted.ok).toBe(true);
    }
    expect(await fc.call('ct-a', 'quiz', 'startContest', { contestId })).toMatchObject({ ok: false, code: 'ALREADY_ATTEMPTED' });
    const ranking = await fc.call('ct-a', 'quiz', 'getContestRanking', { contestId });
    if (!ranking.ok) throw new Error(ranking.message);
    expect(ranking.data.top.map((r) => [r.nickname, r.score, r.rank])).toEqual([['多杰', 100, 1], ['卓玛', 67, 2]]);
    expect(ranking.data.me).toMatchObject({ rank: 2, score: 67, nickname: '卓玛', avatarUrl: null });
    expect(ranking.data).toMatchObject({ title: '西宁市“读四史”知识竞赛', nextCursor: null });
    expect(await fc.call('ct-a', 'quiz', 'listContests', {})).toMatchObject({ ok: true, data: { contests: [{ attempted: true }] } });

    // The cadre sees the contest they made and its participation by organisation.
    expect(await fc.call('ct-cadre', 'quiz', 'listManagedContests', {})).toMatchObject({ ok: true, data: { contests: [{ id: contestId }] } });
    expect(await fc.call('ct-cadre', 'quiz', 'getContestParticipation', { contestId })).toEqual({
      ok: true,
      data: { contestId, total: 2, rows: [{ orgId: 'qh-xining', orgName: '西宁市总工会', participants: 2, averageScore: 84 }], nextCursor: null },
    });
    expect(await fc.call('ct-a', 'quiz', 'getContestParticipation', { contestId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  test('a contest paper tells its score at submit; answers and explanations open only once the contest is over', async () => {
    const { db } = connectSdk(fc.cloud);
    const created = await fc.call('ct-cadre', 'quiz', 'createContest', contest({ title: '西宁市竞赛答案封存' }));
    if (!created.ok) throw new Error(created.message);
    const { contestId } = created.data;
    await fc.call('ct-rv', 'account', 'updateProfile', { nickname: '央金' });
    await joinByRoster(fc, 'ct-rv', 'qh-xining');
    const paper = await fc.call('ct-rv', 'quiz', 'startContest', { contestId });
    if (!paper.ok) throw new Error(paper.message);
    const { attemptId } = paper.data;
    const submitted = await fc.call('ct-rv', 'quiz', 'submitAttempt', { attemptId, answers: await paperAnswers(attemptId, 3) });
    if (!submitted.ok) throw new Error(submitted.message);
    const { data: stored } = (await db.collection('contests').where({ _id: contestId }).get()) as { data: Array<{ endsAt: string }> };
    const endsAt = new Date(stored[0]?.endsAt as string);
    // The score at once; no key, no explanation, not even which questions were right.
    expect(submitted.data).toMatchObject({ score: 50, correctCount: 3, total: 6, review: [], reviewOpensAt: new Date(endsAt.getTime() + 30_000).toISOString(), contestId, contestTitle: '西宁市竞赛答案封存' });
    expect(JSON.stringify(submitted.data)).not.toMatch(/"(answer|explanation|correct)"/);
    const closed = await fc.call('ct-rv', 'quiz', 'getAttemptResult', { attemptId });
    expect(closed).toMatchObject({ ok: true, data: { score: 50, review: [], contestTitle: '西宁市竞赛答案封存' } });
    expect(JSON.stringify(closed)).not.toMatch(/"(answer|explanation|correct)"/);
    // A second submission (a retry) is told the same and nothing more.
    expect(await fc.call('ct-rv', 'quiz', 'submitAttempt', { attemptId, answers: [] })).toEqual(submitted);
    // Nor does the wrong-answer book tell which ones were wrong (a judge question's key) while others still answer.
    const { data: wrong } = (await db.collection('wrong_book').where({ openid: 'ct-rv' }).get()) as { data: Array<{ questionId: string }> };
    expect(wrong).toHaveLength(3);
    expect(await fc.call('ct-rv', 'quiz', 'listWrongBook', {})).toMatchObject({ ok: true, data: { items: [], total: 0 } });
    // Once the contests that drew them are over, the questions are released and the book shows them.
    await db.collection('questions').where({ _id: db.command.in(wrong.map((w) => w.questionId)) }).update({ data: { sealedUntil: new Date(Date.now() - 1000) } });
    const book = await fc.call('ct-rv', 'quiz', 'listWrongBook', {});
    if (!book.ok) throw new Error(book.message);
    expect(book.data.items.map((i) => i.questionId).sort()).toEqual(wrong.map((w) => w.questionId).sort());
    expect(book.data.total).toBe(3);

    // The contest ends, but a paper started near its end may still come in within the grace: still closed.
    const setEnd = (at: number) => db.collection('contests').doc(contestId).update({ data: { endsAt: new Date(at) } });
    await setEnd(Date.now() - 20_000);
    expect(await fc.call('ct-rv', 'quiz', 'getAttemptResult', { attemptId })).toMatchObject({ ok: true, data: { review: [], reviewOpensAt: expect.any(String) } });
    // Past the grace no paper can be submitted: the review opens.
    await setEnd(Date.now() - 31_000);
    const open = await fc.call('ct-rv', 'quiz', 'getAttemptResult', { attemptId });
    if (!open.ok) throw new Error(open.message);
    expect(open.data.reviewOpensAt).toBeNull();
    expect(open.data.review).toHaveLength(6);
    expect(open.data.review.filter((r) => r.correct)).toHaveLength(3);
    expect(open.data.review.every((r) => r.answer.length > 0 && r.explanation.length > 0)).toBe(true);
  });

  test('a worker cannot create a contest, nor a cadre one for another union, nor one that has already ended', async () => {
    expect(await fc.call('ct-a', 'quiz', 'createContest', contest())).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await fc.call('ct-cadre', 'quiz', 'createContest', contest({ orgIds: ['qh-haibei'] }))).toMatchObject({ ok: false, code: 'ORG_NOT_ALLOWED' });
    expect(await fc.call('ct-cadre', 'quiz', 'createContest', contest({ endsAt: new Date(Date.now() - 1000).toISOString() }))).toMatchObject({ ok: false, code: 'BAD_WINDOW' });
    expect(await fc.call('ct-cadre', 'quiz', 'createContest', contest({ title: '网络赌博竞赛' }))).toMatchObject({ ok: false, code: 'CONTENT_REJECTED' });
  });

  test('a contest outside its window cannot be started', async () => {
    const created = await fc.call('ct-cadre', 'quiz', 'createContest', contest({ startsAt: new Date(Date.now() + hour).toISOString(), endsAt: new Date(Date.now() + 2 * hour).toISOString() }));
    if (!created.ok) throw new Error(created.message);
    expect(await fc.call('ct-b', 'quiz', 'startContest', { contestId: created.data.contestId })).toMatchObject({ ok: false, code: 'CONTEST_CLOSED' });
  });

  test.each([
    ['an injected operator as organisation', { orgIds: [{ $gt: '' }] }],
    ['too many questions', { questionCount: 500 }],
    ['an unknown history', { histories: ['everything'] }],
    ['a time that is not a time', { startsAt: 'tomorrow' }],
  ])('bad contest input (%s) is refused', async (_name, overrides) => {
    expect(await fc.callRaw('ct-cadre', 'quiz', { action: 'createContest', input: contest(overrides) })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
  });
  test('a worker’s own union contest is listed behind 60 of other unions ending sooner, a page at a time, and no page break loses one of equal end', async () => {
    const { db } = connectSdk(fc.cloud);
    const base = { startsAt: new Date(Date.now() - hour), histories: ['party'], questionCount: 6, timeLimitSeconds: 300, createdBy: 'ct-cadre', createdAt: new Date() };
    // Sixty contests of other unions all end before the worker's own ones.
    for (let i = 0; i < 60; i++) {
      await db.collection('contests').add({ data: { ...base, _id: `ct-other-${String(i).padStart(2, '0')}`, title: `其他工会竞赛${i}`, endsAt: new Date(Date.now() + hour + i * 1000), orgIds: [`other-union-${i}`] } });
    }
    // The worker's: three of Yushu's ending at the same moment, one of the province's, one already ended.
    const sameEnd = new Date(Date.now() + 3 * hour);
    for (const id of ['ct-yushu-a', 'ct-yushu-b', 'ct-yushu-c']) await db.collection('contests').add({ data: { ...base, _id: id, title: `玉树州竞赛${id}`, endsAt: sameEnd, orgIds: ['qh-yushu'] } });
    await db.collection('contests').add({ data: { ...base, _id: 'ct-province', title: '全省竞赛', endsAt: new Date(Date.now() + 2 * hour), orgIds: ['qh'] } });
    await db.collection('contests').add({ data: { ...base, _id: 'ct-yushu-over', title: '玉树州已结束竞赛', endsAt: new Date(Date.now() - 1000), orgIds: ['qh-yushu'] } });
    await joinByRoster(fc, 'ct-yushu', 'qh-yushu');

    // Two a page: the break falls between the contests ending at the same moment.
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 5; pages++) {
      const reply = await fc.call('ct-yushu', 'quiz', 'listContests', { limit: 2, ...(cursor ? { cursor } : {}) });
      if (!reply.ok) throw new Error(reply.message);
      seen.push(...reply.data.contests.map((c) => c.id));
      if (!reply.data.nextCursor) break;
      cursor = reply.data.nextCursor;
    }
    expect(seen).toEqual(['ct-province', 'ct-yushu-a', 'ct-yushu-b', 'ct-yushu-c']);
    // The first page of the usual size has them all.
    expect(await fc.call('ct-yushu', 'quiz', 'listContests', {})).toMatchObject({ ok: true, data: { contests: [{ id: 'ct-province' }, { id: 'ct-yushu-a' }, { id: 'ct-yushu-b' }, { id: 'ct-yushu-c' }], nextCursor: null } });
  });

  test('a ranking costs a bounded number of keys and documents however many take part, and the rank is exact', async () => {
    const created = await fc.call('ct-cadre', 'quiz', 'createContest', contest({ title: '西宁市职工读史大赛' }));
    if (!created.ok) throw new Error(created.message);
    const { contestId } = created.data;
    await fc.call('ct-low', 'account', 'updateProfile', { nickname: '末位' });
    await joinByRoster(fc, 'ct-low', 'qh-xining');
    const paper = await fc.call('ct-low', 'quiz', 'startContest', { contestId });
    if (!paper.ok) throw new Error(paper.message);
    expect((await fc.call('ct-low', 'quiz', 'submitAttempt', { attemptId: paper.data.attemptId, answers: await paperAnswers(paper.data.attemptId, 0) })).ok).toBe(true);
    // 3,000 more participants in bulk: entries and the rank counts submitAttempt keeps (sort score = score × 10,000 + 9,999 − seconds).
    const key = `contest:${contestId}`;
    const others = Array.from({ length: 3000 }, (_, i) => ({ openid: `ct-bulk-${i}`, paperScore: Math.round(((i % 7) / 6) * 100), seconds: 30 + (i % 270) }));
    const counts = new Map<string, { _id: string; scope: string; bucket: number; shard: number; c: { a: Record<string, number> }; done: string[] }>();
    const entries = others.map((o) => {
      const sortScore = o.paperScore * 10_000 + 9_999 - o.seconds;
      const attemptId = `contest_${contestId}_${o.openid}`;
      const bucket = bucketOf(sortScore);
      const shard = shardOf(attemptId);
      const id = countsDocId(key, bucket, shard);
      const doc = counts.get(id) ?? { _id: id, scope: key, bucket, shard, c: { a: {} }, done: [] };
      doc.c.a[`s${sortScore}`] = (doc.c.a[`s${sortScore}`] ?? 0) + 1;
      counts.set(id, doc);
      return { _id: `${key}|${o.openid}`, boardKey: key, openid: o.openid, orgId: 'qh-xining', nickname: o.openid, score: sortScore, paperScore: o.paperScore, timeUsedSeconds: o.seconds };
    });
    const { db } = connectSdk(fc.cloud);
    for (let i = 0; i < entries.length; i += 1000) await db.collection('leaderboards').add({ data: entries.slice(i, i + 1000) });
    // Added to the counts the submission wrote (a document may exist already).
    for (const doc of counts.values()) {
      const { stats } = (await db.collection('board_counts').where({ _id: doc._id }).update({ data: Object.fromEntries(Object.entries(doc.c.a).map(([s, n]) => [`c.a.${s}`, db.command.inc(n)])) })) as { stats: { updated: number } };
      if (stats.updated === 0) await db.collection('board_counts').add({ data: doc });
    }
    const { value: ranking, calls } = await fc.cloud.measure(() => fc.call('ct-low', 'quiz', 'getContestRanking', { contestId }));
    if (!ranking.ok) throw new Error(ranking.message);
    const mine = ((await db.collection('leaderboards').where({ _id: `${key}|ct-low` }).get()) as { data: Array<{ score: number }> }).data[0]?.score ?? -1;
    const above = entries.filter((e) => e.score > mine).length;
    expect(above).toBeGreaterThan(2000);
    expect(ranking.data.me).toMatchObject({ rank: above + 1, score: 0 });
    expect(ranking.data.top).toHaveLength(100);
    const [view] = calls;
    // Top 100 (100 keys, 100 documents), own entry, the rank counts (at most 20 octaves × 32 shards), the contest and who may see it.
    // A count over the index would walk every key above: more than 2,000 here, a million on a province's contest.
    expect((view?.keysExamined ?? 0) + (view?.docsExamined ?? 0)).toBeLessThanOrEqual(1600);
    expect(view?.keysExamined ?? 0).toBeLessThan(above);
    expect(view?.roundTrips).toBeLessThanOrEqual(14);

    // The next page goes on from the last place shown (equal sort scores share a rank), without the worker's line.
    const next = await fc.call('ct-low', 'quiz', 'getContestRanking', { contestId, cursor: ranking.data.nextCursor ?? '' });
    if (!next.ok) throw new Error(next.message);
    expect(next.data.me).toBeNull();
    // One who took no part is named on the first page, unranked.
    expect(await fc.call('ct-a', 'quiz', 'getContestRanking', { contestId })).toMatchObject({ ok: true, data: { me: { rank: null, score: 0, nickname: '卓玛' } } });
    expect(next.data.top).toHaveLength(100);
    const sorted = [...entries].sort((a, b) => b.score - a.score || (b._id < a._id ? -1 : 1));
    const rankOf = (score: number) => entries.filter((e) => e.score > score).length + 1;
    expect(next.data.top.map((r) => [r.nickname, r.rank])).toEqual(sorted.slice(100, 200).map((e) => [e.openid, rankOf(e.score)]));
  });
});
