import { connectSdk } from '../localcloud/helpers/testCloud';
import { startFunctionCloud, type FunctionCloud } from './harness/functionCloud';

jest.setTimeout(30000);

let fc: FunctionCloud;

beforeAll(async () => {
  fc = await startFunctionCloud();
});

afterAll(async () => {
  await fc?.close();
});

async function userDoc(openid: string): Promise<Record<string, unknown> | undefined> {
  const { db } = connectSdk(fc.cloud);
  const { data } = (await db.collection('users').where({ _id: openid }).get()) as { data: Array<Record<string, unknown>> };
  return data[0];
}

describe('account function', () => {
  test('a worker opening the app for the first time gets a profile, created once', async () => {
    const [a, b] = await Promise.all([fc.call('acc-1', 'account', 'getProfile', {}), fc.call('acc-1', 'account', 'getProfile', {})]);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok) return;
    expect(a.data.nickname).toBe('职工');
    expect(a.data.roles).toEqual([{ role: 'worker', orgId: null }]);
    const { db } = connectSdk(fc.cloud);
    const { total } = (await db.collection('users').where({ _id: 'acc-1' }).count()) as { total: number };
    expect(total).toBe(1);
  });

  test('the organisation tree is the seeded one: the provincial federation and its eight city and prefecture unions', async () => {
    const result = await fc.call('acc-2', 'account', 'listOrgs', {});
    if (!result.ok) throw new Error(result.message);
    expect(result.data.orgs[0]).toEqual({ id: 'qh', name: '青海省总工会', parentId: null, kind: 'province' });
    expect(result.data.orgs.filter((o) => o.parentId === 'qh')).toHaveLength(8);
  });

  test('a worker sets a nickname; the organisation cannot be set this way (it is asked for and approved)', async () => {
    const result = await fc.call('acc-3', 'account', 'updateProfile', { nickname: '  昆仑山下  ' });
    if (!result.ok) throw new Error(result.message);
    expect(result.data).toMatchObject({ nickname: '昆仑山下', orgId: null, orgName: null, joinRequest: null });
    expect(await fc.callRaw('acc-3', 'account', { action: 'updateProfile', input: { orgId: 'qh-haixi' } })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect(await userDoc('acc-3')).toMatchObject({ nickname: '昆仑山下', orgId: null });
  });

  test('identity comes from WeChat only: an openid in the payload is refused, not used', async () => {
    const result = await fc.callRaw('acc-4', 'account', { action: 'updateProfile', input: { nickname: '冒充者', openid: 'acc-3' } });
    expect(result).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect(await userDoc('acc-3')).toMatchObject({ nickname: '昆仑山下' });
  });

  test.each([
    ['an injected operator', { nickname: { $gt: '' } }],
    ['a wrong type', { nickname: 42 }],
    ['an over-long nickname', { nickname: '长'.repeat(21) }],
    ['an empty nickname', { nickname: '   ' }],
    ['an injected operator as organisation', { orgId: { $ne: null } }],
    ['an unknown field', { nickname: '好人', role: 'admin' }],
  ])('%s gets BAD_INPUT and changes nothing', async (_name, input) => {
    await fc.call('acc-5', 'account', 'updateProfile', { nickname: '原名' });
    const result = await fc.callRaw('acc-5', 'account', { action: 'updateProfile', input });
    expect(result).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect((result as { message: string }).message).toMatch(/^输入有误/);
    expect(await userDoc('acc-5')).toMatchObject({ nickname: '原名' });
  });

  test('an unknown action or a malformed event gets a clear error', async () => {
    expect(await fc.callRaw('acc-6', 'account', { action: 'dropDatabase', input: {} })).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
    expect(await fc.callRaw('acc-6', 'account', { action: { $ne: 1 } })).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
    expect(await fc.callRaw('acc-6', 'account', { action: 'toString' })).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
  });

  test('an organisation that does not exist is refused', async () => {
    const result = await fc.call('acc-7', 'account', 'requestOrgJoin', { orgId: 'qh-nowhere' });
    expect(result).toMatchObject({ ok: false, code: 'ORG_NOT_FOUND' });
  });

  test('a nickname that fails the content check is refused and nothing is stored', async () => {
    await fc.call('acc-8', 'account', 'updateProfile', { nickname: '守法职工' });
    const result = await fc.call('acc-8', 'account', 'updateProfile', { nickname: '代开发票找我' });
    expect(result).toMatchObject({ ok: false, code: 'CONTENT_REJECTED' });
    expect(await userDoc('acc-8')).toMatchObject({ nickname: '守法职工' });
  });

  test('a cadre role granted in the database shows in the profile', async () => {
    const { db } = connectSdk(fc.cloud);
    await db.collection('roles').add({ data: { openid: 'acc-9', role: 'cadre', orgId: 'qh-xining', grantedBy: 'admin-1', grantedAt: new Date() } });
    const result = await fc.call('acc-9', 'account', 'getProfile', {});
    if (!result.ok) throw new Error(result.message);
    expect(result.data.roles).toEqual([{ role: 'worker', orgId: null }, { role: 'cadre', orgId: 'qh-xining' }]);
  });
});
