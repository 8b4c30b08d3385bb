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
    expect(granted.ok && granted.data.role).toEqual(expect.objectContaining({ openid: 'role-w1', orgId: 'qh-xining', orgName: '西宁市总工会', grantedBy: 'admin-province' }));
    const listed = await fc.call('admin-province', 'requests', 'listCadres', {});
    expect(listed.ok && listed.data.roles.map((r) => r.openid)).toContain('role-w1');
    expect(await fc.call('role-w1', 'requests', 'queuePage', {})).toMatchObject({ ok: true });
    expect(await auditOf('role-w1')).toEqual(['grant_role']);
  });

  test('an admin revokes it: the queue is closed again and the revoke is audited', async () => {
    await fc.call('admin-province', 'requests', 'grantCadre', { openid: 'role-w2', orgId: 'qh-haidong' });
    const revoked = await fc.call('admin-province', 'requests', 'revokeCadre', { openid: 'role-w2', orgId: 'qh-haidong' });
    expect(revoked).toMatchObject({ ok: true, data: { revoked: true } });
    const listed = await fc.call('admin-province', 'requests', 'listCadres', {});
    expect(listed.ok && listed.data.roles.some((r) => r.openid === 'role-w2')).toBe(false);
    expect(await fc.call('role-w2', 'requests', 'queuePage', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
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

describe('an admin pages through the cadre roles', () => {
  test('newest grant first, a page at a time, every role once, only the admin\'s organisations', async () => {
    const { db } = connectSdk(fc.cloud);
    // 25 roles in Haixi, three of them granted at the same moment (the id breaks the tie), and one in Xining.
    for (let n = 0; n < 25; n += 1) {
      const grantedAt = new Date(Date.UTC(2026, 10, 2, 0, Math.min(n, 22)));
      await db.collection('roles').doc(`cadre|qh-haixi|page-role-${String(n).padStart(2, '0')}`).set({ data: { openid: `page-role-${String(n).padStart(2, '0')}`, role: 'cadre', orgId: 'qh-haixi', grantedBy: 'setup', grantedAt } });
    }
    await db.collection('roles').doc('cadre|qh-xining|page-role-xn').set({ data: { openid: 'page-role-xn', role: 'cadre', orgId: 'qh-xining', grantedBy: 'setup', grantedAt: new Date('2026-11-03T00:00:00Z') } });

    const seen: Array<{ openid: string; grantedAt: string }> = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const reply = await fc.call('admin-haixi', 'requests', 'listCadres', { limit: 10, ...(cursor ? { cursor } : {}) });
      if (!reply.ok) throw new Error(reply.message);
      expect(reply.data.roles.length).toBeLessThanOrEqual(10);
      seen.push(...reply.data.roles);
      cursor = reply.data.nextCursor ?? undefined;
      pages += 1;
    } while (cursor && pages < 10);

    expect(pages).toBe(3);
    const openids = seen.map((r) => r.openid);
    expect(new Set(openids).size).toBe(25);
    expect(openids).not.toContain('page-role-xn');
    const times = seen.map((r) => r.grantedAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(openids.slice(0, 3).sort()).toEqual(['page-role-22', 'page-role-23', 'page-role-24']);
  });

  test('a cursor that is not one is refused', async () => {
    expect(await fc.call('admin-haixi', 'requests', 'listCadres', { cursor: '{"$gt":""}' })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
  });
});
