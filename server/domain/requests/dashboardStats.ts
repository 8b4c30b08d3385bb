import type { DashboardOrgLine, RequestDashboard } from '../../contracts/requests/dashboard';
import { pct, tally } from './deskFigures';
import { requestCategories, requestCategoryKeys } from '../../contracts/requests/categories';
import { requestStatuses, statusLabels, waitingStatuses, workingStatuses } from './requestStatusMachine';

type Counters = Record<string, number | string>;

const num = (doc: Counters, key: string) => (typeof doc[key] === 'number' ? (doc[key] as number) : 0);
const sum = (docs: readonly Counters[], key: string) => docs.reduce((total, doc) => total + num(doc, key), 0);
const round1 = (n: number) => Math.round(n * 10) / 10;
const hour = 3600 * 1000;

/** Counts, average hours, shares and the average rating summed from counter documents (request_stats). */
export function dashboardStats(docs: readonly Counters[]): Omit<RequestDashboard, 'orgLines'> {
  const byStatus: RequestDashboard['byStatus'] = {};
  const byCategory: RequestDashboard['byCategory'] = {};
  for (const key of requestStatuses) {
    const n = sum(docs, `st_${key}`);
    if (n) byStatus[key] = n;
  }
  for (const key of requestCategoryKeys) {
    const n = sum(docs, `cat_${key}`);
    if (n) byCategory[key] = n;
  }
  const accepted = sum(docs, 'acceptedNow');
  const resolved = sum(docs, 'resolvedNow');
  const rated = sum(docs, 'rated');
  return {
    total: sum(docs, 'filed'),
    byStatus,
    byCategory,
    statusLines: requestStatuses.filter((key) => byStatus[key]).map((key) => ({ key, label: statusLabels[key], count: byStatus[key] ?? 0 })),
    categoryLines: requestCategoryKeys.filter((key) => byCategory[key]).map((key) => ({ key, label: requestCategories[key], count: byCategory[key] ?? 0 })),
    overdue: sum(docs, 'overdueNow'),
    averageHoursToAccept: accepted ? round1(sum(docs, 'acceptMs') / accepted / hour) : null,
    averageHoursToResolve: resolved ? round1(sum(docs, 'resolveMs') / resolved / hour) : null,
    averageRating: rated ? round1(sum(docs, 'ratingSum') / rated) : null,
    ratedCount: rated,
    ...shares(docs),
  };
}

/** Not yet answered: waiting for a cadre or being worked on. */
const openStatuses = [...waitingStatuses, ...workingStatuses];

/** Open requests, and the on-time and satisfaction shares, of some counter documents. */
function shares(docs: readonly Counters[]): Pick<RequestDashboard, 'open' | 'onTimePct' | 'satisfactionPct'> {
  const t = tally(docs);
  return { open: openStatuses.reduce((n, status) => n + (t.byStatus[status] ?? 0), 0), onTimePct: pct(t.resolvedOnTime, t.resolved), satisfactionPct: pct(t.satisfied, t.reached) };
}

/** One organisation's line: the counter documents of its whole subtree. */
export function dashboardOrgLine(orgId: string, orgName: string, subtreeDocs: readonly Counters[]): DashboardOrgLine {
  return { orgId, orgName, total: sum(subtreeDocs, 'filed'), overdue: sum(subtreeDocs, 'overdueNow'), ...shares(subtreeDocs) };
}
