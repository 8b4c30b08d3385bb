import { dashboardMismatches } from '../../scripts/bench/requestFigures';
import { requestSeed } from '../../scripts/bench/requestSeed';
import type { CallCost } from '../../localcloud/database/costLedger';
import type { DeskStats, RequestDashboard } from '../../server/contracts/requests';
import type { RequestDoc } from '../../server/db/requests/requestStore';
import { connectSdk } from '../localcloud/helpers/testCloud';
import { startFunctionCloud, type FunctionCloud } from './harness/functionCloud';

jest.setTimeout(120000);

// Many requests written in bulk with the counters the actions keep (built by their own bump
// functions): the dashboards must be exact and cost the same reads at 200 and at 2,000 requests.

let fc: FunctionCloud;
const cadre = 'scale-cadre';
const now = new Date();
const orgIds = ['qh', 'qh-xining', 'qh-haidong', 'qh-haibei', 'qh-huangnan', 'qh-hainan', 'qh-guoluo', 'qh-yushu', 'qh-haixi'];

beforeAll(async () => {
  fc = await startFunctionCloud();
  const { db } = connectSdk(fc.cloud);
  await db.collection('roles').add({ data: { openid: cadre, role: 'cadre', orgId: 'qh', grantedBy: 'admin', grantedAt: new Date('2026-11-01T00:00:00Z') } });
});

afterAll(async () => {
  await fc?.close();
});

/** Adds requests and adds their counters to the stored ones (as the actions' increments would). */
async function addRequests(count: number, prefix: string): Promise<void> {
  const { db } = connectSdk(fc.cloud);
  const { requests, counters } = requestSeed(count, orgIds, now, prefix);
  for (let i = 0; i < requests.length; i += 1000) await db.collection('requests').add({ data: requests.slice(i, i + 1000) });
  const _ = db.command;
  for (const { _id, orgId, week, ...fields } of counters) {
    const inc = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, _.inc(v as number)]));
    const { stats } = (await db.collection('request_stats').where({ _id }).update({ data: inc })) as { stats: { updated: number } };
    if (stats.updated === 0) await db.collection('request_stats').add({ data: { _id, orgId, week, ...fields } });
  }
}

async function storedRequests(): Promise<RequestDoc[]> {
  const { db } = connectSdk(fc.cloud);
  const out: RequestDoc[] = [];
  for (let page = 0; ; page += 1) {
    const { data } = (await db.collection('requests').where({}).orderBy('_id', 'asc').skip(page * 1000).limit(1000).get()) as { data: RequestDoc[] };
    out.push(...data);
    if (data.length < 1000) return out;
  }
}

async function orgsOf(): Promise<Array<{ _id: string; parentId: string | null }>> {
  const { db } = connectSdk(fc.cloud);
  return ((await db.collection('orgs').where({}).limit(1000).get()) as { data: Array<{ _id: string; parentId: string | null }> }).data;
}

async function measured<T>(action: string, input: Record<string, unknown>): Promise<{ data: T; cost: CallCost }> {
  const { value, calls } = await fc.cloud.measure(() => fc.callRaw(cadre, 'requests', { action, input }));
  const reply = value as { ok: boolean; data: T; message?: string };
  if (!reply.ok) throw new Error(reply.message);
  const cost = calls.find((c) => c.function === 'requests');
  if (!cost) throw new Error('no cost recorded');
  return { data: reply.data, cost };
}

const examined = (cost: CallCost) => cost.keysExamined + cost.docsExamined;

test('the dashboards are exact and read the same at 200 and at 2,000 requests', async () => {
  await addRequests(200, 'small');
  const small = { desk: await measured<DeskStats>('deskStats', { weeks: 8 }), board: await measured<RequestDashboard>('dashboard', {}) };
  expect(dashboardMismatches(await storedRequests(), await orgsOf(), small.desk.data, small.board.data)).toEqual([]);

  await addRequests(1800, 'large');
  const large = { desk: await measured<DeskStats>('deskStats', { weeks: 8 }), board: await measured<RequestDashboard>('dashboard', {}) };
  const requests = await storedRequests();
  expect(requests).toHaveLength(2000);
  expect(large.desk.data.totals.filed).toBe(2000);
  expect(dashboardMismatches(requests, await orgsOf(), large.desk.data, large.board.data)).toEqual([]);

  const line = (c: CallCost) => `${c.roundTrips} round trips, ${c.keysExamined} keys, ${c.docsExamined} documents`;
  console.log(`deskStats at 200: ${line(small.desk.cost)}; at 2,000: ${line(large.desk.cost)}\ndashboard at 200: ${line(small.board.cost)}; at 2,000: ${line(large.board.cost)}`);
  // Ten times the requests, the same reads: they follow organisations and weeks, not requests.
  expect(large.desk.cost.roundTrips).toBe(small.desk.cost.roundTrips);
  expect(large.board.cost.roundTrips).toBe(small.board.cost.roundTrips);
  // deskStats: the caller's roles and organisations, the counters (9 organisations × 8 weeks), per
  // organisation its members and quiz counts, the 20 overdue, the week's active workers.
  expect(large.desk.cost.roundTrips).toBeLessThanOrEqual(30);
  expect(large.board.cost.roundTrips).toBeLessThanOrEqual(4);
  expect(examined(large.board.cost)).toBeLessThanOrEqual(300);
  expect(examined(large.board.cost)).toBeLessThanOrEqual(examined(small.board.cost) + 20);
});

test('the export goes page after page by a (createdAt, _id) cursor: every request once, none left out', async () => {
  const ids: string[] = [];
  let cursor: string | undefined;
  let files = 0;
  const ExcelJS = (await import('exceljs')).default;
  do {
    const page = await measured<{ tempFileURL: string; rows: number; nextCursor: string | null }>('exportXlsx', { limit: 700, ...(cursor ? { cursor } : {}) });
    files += 1;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await (await fetch(page.data.tempFileURL)).arrayBuffer()) as never);
    const sheet = workbook.getWorksheet('诉求');
    const rows = (sheet?.getColumn(1).values ?? []).slice(2).map(String);
    expect(rows).toHaveLength(page.data.rows);
    ids.push(...rows);
    cursor = page.data.nextCursor ?? undefined;
  } while (cursor && files < 10);
  expect(files).toBe(3);
  expect(ids).toHaveLength(2000);
  expect(new Set(ids).size).toBe(2000);
  expect(new Set(ids)).toEqual(new Set((await storedRequests()).map((r) => r._id)));
});
