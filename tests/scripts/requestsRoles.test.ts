import tcb from '@cloudbase/node-sdk';
import { connectSdk } from '../localcloud/helpers/testCloud';
import { startFunctionCloud, type FunctionCloud } from '../functions/harness/functionCloud';
import { runRolesCommand, type RolesDb } from '../../scripts/roles/rolesCommand';

jest.setTimeout(60000);

let fc: FunctionCloud;
let db: RolesDb;

beforeAll(async () => {
  fc = await startFunctionCloud();
  process.env.TENCENTCLOUD = 'true';
  db = tcb.init({ env: fc.cloud.envId, secretId: 'local', secretKey: 'local', keepalive: false, serviceUrl: `${fc.cloud.url}/admin` } as Parameters<typeof tcb.init>[0]).database() as unknown as RolesDb;
});

afterAll(async () => {
  await fc?.close();
});

async function audit(target: string): Promise<Array<Record<string, unknown>>> {
  const { data } = (await connectSdk(fc.cloud).db.collection('audit_log').where({ target }).get()) as { data: Array<Record<string, unknown>> };
  return data;
}

describe('npm run roles', () => {
  test('an admin grants the cadre role for the Xining union: the cadre sees its queue, and the grant is audited', async () => {
    expect(await fc.call('roles-w1', 'requests', 'queuePage', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const lines = await runRolesCommand(db, ['grant', 'roles-w1', 'qh-xining'], 'script:admin', new Date('2026-11-25T08:00:00Z'));
    expect(lines).toEqual(['granted cadre of 西宁市总工会 (qh-xining) to roles-w1']);
    await runRolesCommand(db, ['grant', 'roles-w1', 'qh-xining'], 'script:admin', new Date('2026-11-25T08:01:00Z'));
    expect(await fc.call('roles-w1', 'requests', 'queuePage', {})).toMatchObject({ ok: true });
    expect(await runRolesCommand(db, ['list', 'qh-xining'], 'script:admin', new Date())).toEqual(['cadre\tqh-xining\troles-w1']);
    expect((await audit('roles-w1')).map((a) => a.action)).toEqual(['grant_role', 'grant_role']);
  });

  test('a revoke takes the queue away again and is audited', async () => {
    await runRolesCommand(db, ['grant', 'roles-w2', 'qh-haixi'], 'script:admin', new Date());
    await runRolesCommand(db, ['revoke', 'roles-w2', 'qh-haixi'], 'script:admin', new Date());
    expect(await fc.call('roles-w2', 'requests', 'queuePage', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await audit('roles-w2')).map((a) => a.action)).toEqual(['grant_role', 'revoke_role']);
  });

  test('an unknown organisation or a malformed command changes nothing', async () => {
    await expect(runRolesCommand(db, ['grant', 'roles-w3', 'qh-nowhere'], 'script:admin', new Date())).rejects.toThrow('does not exist');
    await expect(runRolesCommand(db, ['grant', 'roles-w3'], 'script:admin', new Date())).rejects.toThrow('usage');
    await expect(runRolesCommand(db, ['grant', '{"$gt":""}', 'qh'], 'script:admin', new Date())).rejects.toThrow('usage');
    expect(await audit('roles-w3')).toEqual([]);
  });
});
