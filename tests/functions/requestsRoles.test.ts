import { connectSdk } from '../localcloud/helpers/testCloud';
import { startFunctionCloud, type FunctionCloud } from './harness/functionCloud';

jest.setTimeout(60000);

let fc: FunctionCloud;

beforeAll(async () => {
  fc = await startFunctionCloud();
  const { db } = connectSdk(fc.cloud);
  const grantedAt = new Date('2026-11-01T00:00:00Z');
  await db.collection('roles').add({ data: { openid: 'admin-province', role: 'admin', orgId: null, grantedBy: 'setup', grantedAt } });
  await db.collection('roles').add({ data: { openid: 'admin-haixi', role: 'admin', orgId: 'qh-haixi', grantedBy: 'setup', grantedAt } });
});

afterAll(async () => {
  await fc?.close();
});

async function auditOf(target: string): Promise<string[]> {
  const { data } = (await connectSdk(fc.cloud).db.collection('audit_log').where({ target }).get()) as { data: Array<{ action: string }> };
  return data.map((a) => a.action);
}

describe('an admin manages cadre roles', () => {
  test('an admin grants a worker the cadre role for Xining; the worker gets the queue; the grant is audited', async () => {
    const granted = await fc.call('admin-province', 'requests', 'grantCadre', { openid: 'role-w1', orgId: 'qh-xining' });
    expect(granted.ok && granted.data.roles).toEqual([expect.objectContaining({ openid: 'role-w1', orgId: 'qh-xining', orgName: '西宁市总工会', grantedBy: 'admin-province' })]);
    expect(await fc.call('role-w1', 'requests', 'queue', {})).toMatchObject({ ok: true });
    expect(await auditOf('role-w1')).toEqual(['grant_role']);
  });

  test('an admin revokes it: the queue is closed again and the revoke is audited', async () => {
    await fc.call('admin-province', 'requests', 'grantCadre', { openid: 'role-w2', orgId: 'qh-haidong' });
    const revoked = await fc.call('admin-province', 'requests', 'revokeCadre', { openid: 'role-w2', orgId: 'qh-haidong' });
    expect(revoked.ok && revoked.data.roles.some((r) => r.openid === 'role-w2')).toBe(false);
    expect(await fc.call('role-w2', 'requests', 'queue', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await auditOf('role-w2')).toEqual(['grant_role', 'revoke_role']);
    expect(await fc.call('admin-province', 'requests', 'revokeCadre', { openid: 'role-w2', orgId: 'qh-haidong' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  test('a Haixi admin cannot grant for Xining, and a cadre or worker cannot grant at all', async () => {
    expect(await fc.call('admin-haixi', 'requests', 'grantCadre', { openid: 'role-w3', orgId: 'qh-xining' })).toMatchObject({ ok: false, code: 'ORG_NOT_FOUND' });
    expect(await fc.call('role-w1', 'requests', 'grantCadre', { openid: 'role-w1', orgId: 'qh' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await fc.callRaw('admin-province', 'requests', { action: 'grantCadre', input: { openid: { $ne: '' }, orgId: 'qh' } })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect(await auditOf('role-w3')).toEqual([]);
  });
});
