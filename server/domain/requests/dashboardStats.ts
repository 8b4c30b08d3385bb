import type { RequestDashboard } from '../../contracts/requests/dashboard';
import { requestCategories, requestCategoryKeys } from '../../contracts/requests/categories';
import { requestStatuses, statusLabels } from './requestStatusMachine';

type Counters = Record<string, number | string>;

const num = (doc: Counters, key: string) => (typeof doc[key] === 'number' ? (doc[key] as number) : 0);
const sum = (docs: readonly Counters[], key: string) => docs.reduce((total, doc) => total + num(doc, key), 0);
const round1 = (n: number) => Math.round(n * 10) / 10;
const hour = 3600 * 1000;

/** Counts, average hours and the average rating summed from counter documents (request_stats). */
export function dashboardStats(docs: readonly Counters[]): RequestDashboard {
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
  };
}
