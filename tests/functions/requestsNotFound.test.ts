import { connectSdk } from '../localcloud/helpers/testCloud';
import { startFunctionCloud, type FunctionCloud } from './harness/functionCloud';
import { requestForm } from './harness/requestForm';

// "Missing" and "not yours" must be one answer: NOT_FOUND, never INTERNAL (which would tell an
// attacker probing ids which requests exist).
jest.setTimeout(120_000);

let fc: FunctionCloud;
let foreignId = '';

beforeAll(async () => {
  fc = await startFunctionCloud();
  const { db } = connectSdk(fc.cloud);
  const grantedAt = new Date('2026-11-01T00:00:00Z');
  await db.collection('roles').add({ data: { openid: 'nf-cadre', role: 'cadre', orgId: 'qh-haixi', grantedBy: 'admin', grantedAt } });
  const filed = await fc.call('nf-owner', 'requests', 'submit', requestForm());
  if (!filed.ok) throw new Error(filed.message);
  foreignId = filed.data.id;
});

afterAll(async () => {
  await fc?.close();
});

const unknownId = 'f'.repeat(32);

const workerActions: Array<[string, (id: string) => Record<string, unknown>]> = [
  ['detail', (requestId) => ({ requestId })],
  ['withdraw', (requestId) => ({ requestId })],
  ['confirm', (requestId) => ({ requestId })],
  ['reopen', (requestId) => ({ requestId, reason: '还没有解决' })],
  ['rate', (requestId) => ({ requestId, stars: 5, comment: '' })],
];

const cadreActions: Array<[string, (id: string) => Record<string, unknown>]> = [
  ['cadreDetail', (requestId) => ({ requestId })],
  ['accept', (requestId) => ({ requestId, note: '' })],
  ['start', (requestId) => ({ requestId, note: '' })],
  ['reply', (requestId) => ({ requestId, note: '已联系' })],
  ['resolve', (requestId) => ({ requestId, note: '已解决' })],
  ['decline', (requestId) => ({ requestId, note: '不属于受理范围' })],
  ['transfer', (requestId) => ({ requestId, toOrgId: 'qh-xining', note: '转交' })],
];

test.each(workerActions)('a worker’s %s of a missing request and of another worker’s answer the same NOT_FOUND', async (action, input) => {
  const missing = await fc.callRaw('nf-other', 'requests', { action, input: input(unknownId) });
  const foreign = await fc.callRaw('nf-other', 'requests', { action, input: input(foreignId) });
  expect(missing).toEqual({ ok: false, code: 'NOT_FOUND', message: expect.any(String) });
  expect(foreign).toEqual(missing);
});

test.each(cadreActions)('a cadre’s %s of a missing request and of one outside their organisation answer the same NOT_FOUND', async (action, input) => {
  const missing = await fc.callRaw('nf-cadre', 'requests', { action, input: input(unknownId) });
  const foreign = await fc.callRaw('nf-cadre', 'requests', { action, input: input(foreignId) });
  expect(missing).toEqual({ ok: false, code: 'NOT_FOUND', message: expect.any(String) });
  expect(foreign).toEqual(missing);
});
