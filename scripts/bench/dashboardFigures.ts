import type { LocalCloud } from '../../localcloud';
import type { CallCost } from '../../localcloud/database/costLedger';
import type { DeskStats, RequestDashboard } from '../../server/contracts/requests';
import type { Database } from '../../server/db/database';
import type { RequestDoc } from '../../server/db/requests/requestStore';
import { dashboardMismatches } from './requestFigures';

/** A province-wide cadre (its role is written with the requests). */
export const benchCadre = 'bench-cadre-province';
const cadre = benchCadre;

async function measured<T>(cloud: LocalCloud, action: string, input: Record<string, unknown>): Promise<{ data: T; cost: CallCost }> {
  const { value, calls } = await cloud.measure(() => cloud.invoke('requests', { action, input }, { openid: cadre }));
  const reply = value as { ok: boolean; data: T; message?: string };
  const cost = calls.find((c) => c.function === 'requests');
  if (!reply.ok || !cost) throw new Error(`requests.${action} failed: ${reply.message ?? 'no cost recorded'}`);
  return { data: reply.data, cost };
}

const examined = (cost: CallCost) => `${cost.keysExamined} keys and ${cost.docsExamined} documents examined in ${cost.roundTrips} round trips`;

/**
 * On a cloud holding the `stored` requests (as read back from its file before it opened) and their
 * counters: the console's dashboard (deskStats, as the console calls it) and the mini program's
 * (dashboard) through the function host, their reads by the cost model, their figures against a
 * plain count over every stored request; then the console queue's first page. Answers false when
 * a figure differs.
 */
export async function dashboardFigures(cloud: LocalCloud, db: Database, stored: readonly RequestDoc[], count: number): Promise<boolean> {
  const desk = await measured<DeskStats>(cloud, 'deskStats', { weeks: 8 });
  const board = await measured<RequestDashboard>(cloud, 'dashboard', {});
  const requests = stored;
  const orgs = ((await db.collection('orgs').where({}).limit(1000).get()) as { data: Array<{ _id: string; parentId: string | null }> }).data;
  const mismatches = requests.length === count ? dashboardMismatches(requests, orgs, desk.data, board.data) : [`${requests.length} requests stored, not ${count}`];
  const n = count.toLocaleString('en');
  console.log(`dashboard at ${n} requests: ${desk.cost.roundTrips} reads, ${mismatches.length === 0 ? 'exact' : 'NOT exact'}`);
  for (const line of mismatches.slice(0, 10)) console.log(`  differs: ${line}`);
  console.log(`  (the console's deskStats: ${examined(desk.cost)}; the mini program's dashboard: ${examined(board.cost)}; both compared with a count over the ${n} stored requests: ${desk.data.totals.filed.toLocaleString('en')} filed, ${desk.data.totals.resolved.toLocaleString('en')} resolved, ${board.data.overdue.toLocaleString('en')} overdue)`);
  const queue = await measured<{ items: unknown[] }>(cloud, 'queuePage', {});
  console.log(`console queue first page at ${n} requests: ${queue.cost.roundTrips} reads (${examined(queue.cost)}; ${queue.data.items.length} rows, by deadline)`);
  return mismatches.length === 0;
}
