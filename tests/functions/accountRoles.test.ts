import type { RoleRow } from '../../server/contracts/account';
import { connectSdk, type Db } from '../localcloud/helpers/testCloud';
import { startFunctionCloud, type FunctionCloud } from './harness/functionCloud';

// 权限管理 in the console: account.listRoles pages by (grantedAt, _id) within the admin's organisations.
jest.setTimeout(120000);

let fc: FunctionCloud;
let db: Db;

type StoredRole = { _id: string; openid: string; role: string; orgId: string | null; grantedAt: Date };

/** 70 grassroots unions under Haixi: with Haixi itself more organisations than one query takes (66). */
const grassroots = Array.from({ length: 70 }, (_, n) => `qh-haixi-g${String(n).padStart(2, '0')}`);
const base = Date.UTC(2026, 10, 2);
const seeded: StoredRole[] = [];

async function putRole(role: StoredRole): Promise<void> {
  const { _id, ...data } = role;
  await db.collection('roles').doc(_id).set({ data: { ...data, grantedBy: 'setup' } });
  seeded.push(role);
}

beforeAll(async () => {
  fc = await startFunctionCloud();
  db = connectSdk(fc.cloud).db;
  for (const [n, id] of grassroots.entries()) await db.collection('orgs').add({ data: { _id: id, name: `海西基层工会${n}`, parentId: 'qh-haixi', kind: 'grassroots', order: 100 + n } });
  await putRole({ _id: 'admin|province|roles-province', openid: 'roles-province', role: 'admin', orgId: null, grantedAt: new Date(base - 86_400_000) });
  await putRole({ _id: 'admin|qh-haixi|roles-haixi', openid: 'roles-haixi', role: 'admin', orgId: 'qh-haixi', grantedAt: new Date(base - 86_400_000) });
  // 25 cadres spread over the grassroots unions, one a minute; cadres 14, 15 and 16 at the same
  // minute in unions far apart in the list (so in different queries), across the break after 10 rows.
  for (let n = 0; n < 25; n += 1) {
    const orgId = n === 14 ? 'qh-haixi-g68' : n === 15 ? 'qh-haixi-g01' : n === 16 ? 'qh-haixi-g35' : grassroots[(n * 7) % 70] as string;
    const minute = n === 14 || n === 15 ? 16 : n;
    await putRole({ _id: `cadre|${orgId}|roles-c${n}`, openid: `roles-c${n}`, role: 'cadre', orgId, grantedAt: new Date(base + minute * 60_000) });
  }
  await putRole({ _id: 'editor|qh-haixi-g10|roles-editor', openid: 'roles-editor', role: 'editor', orgId: 'qh-haixi-g10', grantedAt: new Date(base + 30 * 60_000) });
  // Outside a Haixi admin's reach: the province level and Xining; and a role the console does not manage.
  await putRole({ _id: 'editor|province|roles-province-editor', openid: 'roles-province-editor', role: 'editor', orgId: null, grantedAt: new Date(base + 40 * 60_000) });
  await putRole({ _id: 'cadre|qh-xining|roles-xining', openid: 'roles-xining', role: 'cadre', orgId: 'qh-xining', grantedAt: new Date(base + 50 * 60_000) });
  await putRole({ _id: 'worker|qh-haixi-g30|roles-worker', openid: 'roles-worker', role: 'worker', orgId: 'qh-haixi-g30', grantedAt: new Date(base + 60 * 60_000) });
  await fc.call('roles-c24', 'account', 'updateProfile', { nickname: '马干部' });
});

afterAll(async () => {
  await fc?.close();
});

/** Newest grant first, the id breaking a tie: the order the list promises. */
const newestFirst = (a: StoredRole, b: StoredRole) => b.grantedAt.getTime() - a.grantedAt.getTime() || (a._id < b._id ? 1 : a._id > b._id ? -1 : 0);

async function everyPage(openid: string, limit: number): Promise<RoleRow[][]> {
  const pages: RoleRow[][] = [];
  let cursor: string | undefined;
  do {
    const reply = await fc.call(openid, 'account', 'listRoles', { limit, ...(cursor ? { cursor } : {}) });
    if (!reply.ok) throw new Error(reply.message);
    pages.push(reply.data.roles);
    cursor = reply.data.nextCursor ?? undefined;
  } while (cursor && pages.length < 20);
  return pages;
}

describe('account.listRoles pages by grant time', () => {
  test('a Haixi admin pages through every role of Haixi once, newest first, equal times on both sides of a page break', async () => {
    const pages = await everyPage('roles-haixi', 10);
    const expected = seeded.filter((r) => r.role !== 'worker' && (r.orgId === 'qh-haixi' || grassroots.includes(r.orgId ?? ''))).sort(newestFirst);
    expect(expected).toHaveLength(27);
    expect(pages.map((p) => p.length)).toEqual([10, 10, 7]);
    expect(pages.flat().map((r) => r.roleId)).toEqual(expected.map((r) => r._id));
    // The break falls inside the three cadres granted at the same minute (after the editor and cadres 24 to 17).
    const [first, second] = pages as [RoleRow[], RoleRow[]];
    const trio = [...first.slice(-1), ...second.slice(0, 2)];
    expect(trio.map((r) => r.openid).sort()).toEqual(['roles-c14', 'roles-c15', 'roles-c16']);
    expect(new Set(trio.map((r) => r.grantedAt)).size).toBe(1);
    expect(first[0]).toEqual({ roleId: 'editor|qh-haixi-g10|roles-editor', openid: 'roles-editor', nickname: '(未填写昵称)', role: 'editor', orgId: 'qh-haixi-g10', orgName: '海西基层工会10', grantedAt: new Date(base + 30 * 60_000).toISOString() });
    expect(pages.flat().find((r) => r.openid === 'roles-c24')?.nickname).toBe('马干部');
  });

  test('a province admin also sees the province level and every other organisation, never a worker role', async () => {
    const rows = (await everyPage('roles-province', 50)).flat();
    const ids = rows.map((r) => r.roleId);
    expect(ids).toEqual(expect.arrayContaining(['editor|province|roles-province-editor', 'cadre|qh-xining|roles-xining', 'admin|province|roles-province', 'cadre|qh-haixi-g68|roles-c14']));
    expect(ids).not.toContain('worker|qh-haixi-g30|roles-worker');
    expect(new Set(ids).size).toBe(ids.length);
    expect(rows.find((r) => r.orgId === null && r.role === 'editor')?.orgName).toBe('全省');
  });

  test('a Haixi admin never sees the province level or Xining', async () => {
    const ids = (await everyPage('roles-haixi', 50)).flat().map((r) => r.roleId);
    expect(ids).not.toContain('editor|province|roles-province-editor');
    expect(ids).not.toContain('cadre|qh-xining|roles-xining');
    expect(ids).not.toContain('admin|province|roles-province');
  });

  test('a worker or cadre is refused, and a cursor that is not one is bad input', async () => {
    expect(await fc.call('roles-c3', 'account', 'listRoles', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await fc.call('roles-haixi', 'account', 'listRoles', { cursor: '{"$gt":""}' })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect(await fc.call('roles-haixi', 'account', 'listRoles', { limit: 51 })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
  });

  test('the first page reads the same however many older roles a union holds', async () => {
    const cost = async () => {
      const { value, calls } = await fc.cloud.measure(() => fc.call('roles-haixi', 'account', 'listRoles', { limit: 10 }));
      expect(value).toMatchObject({ ok: true });
      const call = calls.find((c) => c.function === 'account');
      if (!call) throw new Error('no cost recorded');
      return { examined: call.keysExamined + call.docsExamined, roundTrips: call.roundTrips };
    };
    const before = await cost();
    for (let n = 0; n < 150; n += 1) {
      await db.collection('roles').doc(`cadre|qh-haixi-g50|roles-old${n}`).set({ data: { openid: `roles-old${n}`, role: 'cadre', orgId: 'qh-haixi-g50', grantedBy: 'setup', grantedAt: new Date(base - 2 * 86_400_000 - n * 1000) } });
    }
    const after = await cost();
    expect(after.roundTrips).toBe(before.roundTrips);
    // That union's walk stops once it has filled a page (11 keys and their documents at most).
    expect(after.examined).toBeLessThanOrEqual(before.examined + 22);
    for (let n = 0; n < 150; n += 1) await db.collection('roles').doc(`cadre|qh-haixi-g50|roles-old${n}`).remove();
  });
});

describe('grant and revoke keep the same reach', () => {
  test('a grant answers the new role; a Haixi admin cannot grant at the province level', async () => {
    await fc.call('roles-new', 'account', 'updateProfile', { nickname: '李新' });
    const granted = await fc.call('roles-haixi', 'account', 'grantRole', { openid: 'roles-new', role: 'cadre', orgId: 'qh-haixi-g02' });
    expect(granted).toMatchObject({ ok: true, data: { role: { roleId: 'cadre|qh-haixi-g02|roles-new', openid: 'roles-new', nickname: '李新', role: 'cadre', orgName: '海西基层工会2' } } });
    const first = await fc.call('roles-haixi', 'account', 'listRoles', { limit: 1 });
    expect(first.ok && first.data.roles.map((r) => r.roleId)).toEqual(['cadre|qh-haixi-g02|roles-new']);
    expect(await fc.call('roles-haixi', 'account', 'grantRole', { openid: 'roles-new', role: 'editor', orgId: null })).toMatchObject({ ok: false, code: 'ORG_NOT_FOUND' });
    expect(await fc.call('roles-haixi', 'account', 'grantRole', { openid: 'roles-new', role: 'editor', orgId: 'qh-xining' })).toMatchObject({ ok: false, code: 'ORG_NOT_FOUND' });
  });

  test('a revoke outside the admin\'s reach answers NOT_FOUND and removes nothing; one inside removes the role', async () => {
    for (const roleId of ['cadre|qh-xining|roles-xining', 'editor|province|roles-province-editor', 'worker|qh-haixi-g30|roles-worker', 'cadre|qh-haixi-g99|nobody']) {
      expect(await fc.call('roles-haixi', 'account', 'revokeRole', { roleId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    }
    const { data: kept } = (await db.collection('roles').where({ openid: db.command.in(['roles-xining', 'roles-province-editor', 'roles-worker']) }).get()) as { data: StoredRole[] };
    expect(kept).toHaveLength(3);

    expect(await fc.call('roles-haixi', 'account', 'revokeRole', { roleId: 'cadre|qh-haixi-g02|roles-new' })).toEqual({ ok: true, data: { revoked: true } });
    const { data: gone } = (await db.collection('roles').where({ _id: 'cadre|qh-haixi-g02|roles-new' }).get()) as { data: StoredRole[] };
    expect(gone).toEqual([]);
    const { data: audit } = (await db.collection('audit_log').where({ target: 'roles-new' }).get()) as { data: Array<{ action: string }> };
    expect(audit.map((a) => a.action).sort()).toEqual(['grant_cadre', 'revoke_cadre']);
  });

  test('nobody revokes their own admin role; a province admin may revoke a Haixi admin', async () => {
    expect(await fc.call('roles-province', 'account', 'revokeRole', { roleId: 'admin|province|roles-province' })).toMatchObject({ ok: false, code: 'SELF' });
    expect(await fc.call('roles-haixi', 'account', 'revokeRole', { roleId: 'admin|qh-haixi|roles-haixi' })).toMatchObject({ ok: false, code: 'SELF' });
    expect(await fc.call('roles-province', 'account', 'revokeRole', { roleId: 'admin|qh-haixi|roles-haixi' })).toEqual({ ok: true, data: { revoked: true } });
    expect(await fc.call('roles-haixi', 'account', 'listRoles', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});
