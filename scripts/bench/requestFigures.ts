import type { DeskStats, RequestDashboard } from '../../server/contracts/requests';
import type { RequestDoc } from '../../server/db/requests/requestStore';
import { orgScope } from '../../server/domain/requests/orgScope';
import { weekKey } from '../../server/points/periodKeys';

const pct = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);
const round1 = (n: number) => Math.round(n * 10) / 10;
const ms = (d: Date | string) => new Date(d).getTime();
/** JSON with object keys sorted, so key order never makes two equal figures differ. */
const canonical = (value: unknown): string => JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));

interface Plain {
  filed: number;
  resolved: number;
  onTimePct: number | null;
  satisfactionPct: number | null;
  followUps: number;
  byStatus: Record<string, number>;
}

/** The figures of some requests counted one by one from the documents (no counters). */
function countOf(docs: readonly RequestDoc[]): Plain {
  let resolved = 0;
  let onTime = 0;
  let followUps = 0;
  let satisfied = 0;
  let unreachable = 0;
  const byStatus: Record<string, number> = {};
  for (const doc of docs) {
    byStatus[doc.status] = (byStatus[doc.status] ?? 0) + 1;
    for (const entry of doc.timeline) {
      if (entry.event !== 'resolve') continue;
      resolved += 1;
      if (ms(entry.at) <= ms(doc.resolveDueAt)) onTime += 1;
    }
    if (doc.followUp) {
      followUps += 1;
      if (doc.followUp.outcome === 'satisfied' || doc.followUp.outcome === 'basicallySatisfied') satisfied += 1;
      if (doc.followUp.outcome === 'unreachable') unreachable += 1;
    }
  }
  return { filed: docs.length, resolved, onTimePct: pct(onTime, resolved), satisfactionPct: pct(satisfied, followUps - unreachable), followUps, byStatus };
}

/**
 * Compares the console dashboard (`deskStats`) and the mini program's (`dashboard`) with a plain
 * count over every request document; answers the figures that differ (none when exact). The
 * requests must all fall within the dashboard's weeks.
 */
export function dashboardMismatches(
  requests: readonly RequestDoc[],
  orgs: Array<{ _id: string; parentId: string | null }>,
  desk: DeskStats,
  board: RequestDashboard,
): string[] {
  const out: string[] = [];
  const check = (what: string, got: unknown, want: unknown) => {
    if (canonical(got) !== canonical(want)) out.push(`${what}: ${canonical(got)} ≠ ${canonical(want)}`);
  };
  const weeks = new Set(desk.weeks.map((w) => w.week));
  const outside = requests.filter((r) => !weeks.has(weekKey(new Date(r.createdAt)))).length;
  if (outside) out.push(`${outside} requests fall outside the dashboard's weeks`);

  const all = countOf(requests);
  check('totals', desk.totals, { filed: all.filed, resolved: all.resolved, onTimePct: all.onTimePct, satisfactionPct: all.satisfactionPct, followUps: all.followUps });
  for (const line of desk.weeks) {
    const week = countOf(requests.filter((r) => weekKey(new Date(r.createdAt)) === line.week));
    check(`week ${line.week}`, [line.filed, line.resolved, line.onTimePct, line.satisfactionPct, line.byStatus], [week.filed, week.resolved, week.onTimePct, week.satisfactionPct, week.byStatus]);
  }
  for (const line of desk.orgs) {
    const subtree = orgScope(orgs, [line.orgId]);
    const org = countOf(requests.filter((r) => subtree.has(r.orgId)));
    check(`organisation ${line.orgId}`, [line.filed, line.resolved, line.onTimePct, line.satisfactionPct, line.followUps], [org.filed, org.resolved, org.onTimePct, org.satisfactionPct, org.followUps]);
  }

  const byCategory: Record<string, number> = {};
  for (const r of requests) byCategory[r.category] = (byCategory[r.category] ?? 0) + 1;
  const accepted = requests.filter((r) => r.acceptedAt);
  const resolvedNow = requests.filter((r) => r.resolvedAt);
  const rated = requests.filter((r) => r.rating !== null);
  const hours = (list: RequestDoc[], at: (r: RequestDoc) => Date | null) => (list.length ? round1(list.reduce((s, r) => s + ms(at(r) as Date) - ms(r.createdAt), 0) / list.length / 3600_000) : null);
  check('dashboard', [board.total, board.byStatus, board.byCategory, board.overdue, board.averageHoursToAccept, board.averageHoursToResolve, board.averageRating, board.ratedCount], [
    requests.length,
    all.byStatus,
    byCategory,
    requests.filter((r) => r.overdue).length,
    hours(accepted, (r) => r.acceptedAt),
    hours(resolvedNow, (r) => r.resolvedAt),
    rated.length ? round1(rated.reduce((s, r) => s + (r.rating ?? 0), 0) / rated.length) : null,
    rated.length,
  ]);
  // The shares and each organisation's line the mini program's 诉求统计 shows.
  const isOpen = (r: RequestDoc) => openStatuses.has(r.status);
  check('dashboard shares', [board.open, board.onTimePct, board.satisfactionPct], [requests.filter(isOpen).length, all.onTimePct, all.satisfactionPct]);
  for (const line of board.orgLines) {
    const subtree = orgScope(orgs, [line.orgId]);
    const docs = requests.filter((r) => subtree.has(r.orgId));
    const org = countOf(docs);
    check(`dashboard organisation ${line.orgId}`, [line.total, line.open, line.overdue, line.onTimePct, line.satisfactionPct], [org.filed, docs.filter(isOpen).length, docs.filter((r) => r.overdue).length, org.onTimePct, org.satisfactionPct]);
  }
  return out;
}

/** Waiting for a cadre or being worked on, as a plain list (not the status machine's). */
const openStatuses = new Set(['submitted', 'transferred', 'reopened', 'accepted', 'in_progress']);
