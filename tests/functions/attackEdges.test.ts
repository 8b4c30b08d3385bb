import { connectSdk, type Db } from '../localcloud/helpers/testCloud';
import { startFunctionCloud, type FunctionCloud } from './harness/functionCloud';

jest.setTimeout(120000);

let fc: FunctionCloud;
let db: Db;

beforeAll(async () => {
  fc = await startFunctionCloud();
  db = connectSdk(fc.cloud).db;
});

afterAll(async () => {
  await fc?.close();
});

describe('a challenge run is not a paper', () => {
  test('its id sent to submitAttempt or getAttemptResult answers a clear error, not INTERNAL, and changes nothing', async () => {
    const run = await fc.call('edge-1', 'quiz', 'challengeStart', {});
    if (!run.ok) throw new Error(run.message);
    expect(await fc.call('edge-1', 'quiz', 'submitAttempt', { attemptId: run.data.attemptId, answers: [] })).toMatchObject({ ok: false, code: 'ATTEMPT_NOT_FOUND' });
    expect(await fc.call('edge-1', 'quiz', 'getAttemptResult', { attemptId: run.data.attemptId })).toMatchObject({ ok: false, code: 'ATTEMPT_NOT_FOUND' });
    const { data } = await db.collection('attempts').where({ _id: run.data.attemptId }).get();
    expect(data[0]).toMatchObject({ status: 'open', streak: 0 });
  });
});

describe('likes', () => {
  test('parallel like and unlike by one worker never answer INTERNAL, and the count matches the like documents', async () => {
    const storyId = 'labor-01';
    const replies = await Promise.all(Array.from({ length: 40 }, (_, i) => fc.call('edge-like', 'reading', 'setLike', { storyId, liked: i % 2 === 0 })));
    expect(replies.filter((r) => !r.ok)).toEqual([]);
    const likes = (await db.collection('story_likes').where({ storyId }).count()).total;
    const story = (await db.collection('stories').where({ _id: storyId }).get()).data[0] as { likes: number };
    expect(story.likes).toBe(likes);
  });
});

describe('nicknames', () => {
  test.each([
    ['a zero-width space', '张\u200b三'],
    ['a right-to-left override', '\u202e三张'],
    ['a bidi isolate', '张三\u2066'],
    ['a NUL', '张\u0000三'],
    ['a control character', '张\u0007三'],
    ['a lone high surrogate', '张\ud83d三'],
    ['a lone low surrogate', '张\ude00三'],
    ['a byte order mark', '\ufeff张三'],
  ])('a nickname with %s is refused and nothing is stored', async (_name, nickname) => {
    await fc.call('edge-nick', 'account', 'updateProfile', { nickname: '原名' });
    const reply = await fc.callRaw('edge-nick', 'account', { action: 'updateProfile', input: { nickname } });
    expect(reply).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect((reply as { message: string }).message).toContain('不可见字符或控制字符');
    expect((await db.collection('users').where({ _id: 'edge-nick' }).get()).data[0]).toMatchObject({ nickname: '原名' });
  });

  test('a nickname is normalised to NFC and trimmed; an emoji (a surrogate pair) is kept', async () => {
    const reply = await fc.call('edge-nick-2', 'account', 'updateProfile', { nickname: '  Jose\u0301 焊工😀 ' });
    expect(reply).toMatchObject({ ok: true, data: { nickname: 'José 焊工😀' } });
  });
});

describe('contest rankings', () => {
  test('only participants, the members a contest is open to and its organisations’ cadres read its ranking', async () => {
    const now = Date.now();
    await db.collection('contests').add({
      data: { _id: 'c-edge', title: '海北竞赛', startsAt: new Date(now - 60_000), endsAt: new Date(now + 3_600_000), histories: ['party'], questionCount: 5, timeLimitSeconds: 300, orgIds: ['qh-haibei'], createdBy: 'x', createdAt: new Date(now) },
    });
    await db.collection('roles').add({ data: { openid: 'edge-cadre', role: 'cadre', orgId: 'qh-haibei', grantedBy: 'test', grantedAt: new Date() } });
    await db.collection('users').add({ data: { _id: 'edge-member', nickname: '成员', avatarFileId: null, orgId: 'qh-haibei', createdAt: new Date(), updatedAt: new Date() } });
    expect(await fc.call('edge-stranger', 'quiz', 'getContestRanking', { contestId: 'c-edge' })).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE' });
    expect(await fc.call('edge-member', 'quiz', 'getContestRanking', { contestId: 'c-edge' })).toMatchObject({ ok: true, data: { contestId: 'c-edge' } });
    expect(await fc.call('edge-cadre', 'quiz', 'getContestRanking', { contestId: 'c-edge' })).toMatchObject({ ok: true });
    // Someone who took part and has since moved to another organisation still sees where they came.
    const paper = await fc.call('edge-member', 'quiz', 'startContest', { contestId: 'c-edge' });
    expect(paper.ok).toBe(true);
    await db.collection('users').doc('edge-member').update({ data: { orgId: 'qh-xining' } });
    expect(await fc.call('edge-member', 'quiz', 'getContestRanking', { contestId: 'c-edge' })).toMatchObject({ ok: true });
  });
});

describe('cadre role documents', () => {
  test('two different (person, organisation) pairs never share a role document, and revoking one leaves the other', async () => {
    await db.collection('roles').doc('edge-admin-role').set({ data: { openid: 'edge-admin', role: 'admin', orgId: null, grantedBy: 'test', grantedAt: new Date() } });
    await db.collection('orgs').add({ data: { _id: 'qh-haibei-a', name: '海北甲工会', parentId: 'qh-haibei', kind: 'grassroots', order: 200 } });
    // ("qh-haibei-a", "b") and ("qh-haibei", "a-b") read "cadre-qh-haibei-a-b" under the first scheme.
    expect(await fc.call('edge-admin', 'requests', 'grantCadre', { openid: 'b', orgId: 'qh-haibei-a' })).toMatchObject({ ok: true });
    expect(await fc.call('edge-admin', 'requests', 'grantCadre', { openid: 'a-b', orgId: 'qh-haibei' })).toMatchObject({ ok: true });
    const roles = (await db.collection('roles').where({ role: 'cadre', openid: db.command.in(['b', 'a-b']) }).get()).data as Array<{ openid: string; orgId: string }>;
    expect(roles.map((r) => `${r.openid}@${r.orgId}`).sort()).toEqual(['a-b@qh-haibei', 'b@qh-haibei-a']);
    expect(await fc.call('edge-admin', 'requests', 'revokeCadre', { openid: 'a-b', orgId: 'qh-haibei' })).toMatchObject({ ok: true });
    expect(await fc.call('b', 'account', 'getProfile', {})).toMatchObject({ ok: true, data: { roles: [{ role: 'worker' }, { role: 'cadre', orgId: 'qh-haibei-a' }] } });
  });

  test('a role granted under the old id is still revoked, and only when it names the same pair', async () => {
    await db.collection('roles').doc('cadre-qh-haibei-old').set({ data: { openid: 'old', role: 'cadre', orgId: 'qh-haibei', grantedBy: 'test', grantedAt: new Date() } });
    expect(await fc.call('edge-admin', 'requests', 'revokeCadre', { openid: 'old', orgId: 'qh-haibei' })).toMatchObject({ ok: true });
    expect((await db.collection('roles').where({ openid: 'old' }).get()).data).toEqual([]);
  });
});
