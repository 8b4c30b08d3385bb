import type { RequestDashboard } from '../../contracts/requests/dashboard';
import { requestCategories, requestCategoryKeys, type RequestCategory } from '../../contracts/requests/categories';
import { requestStatuses, statusLabels, type RequestStatus } from './requestStatusMachine';

export interface StatsRow {
  status: RequestStatus;
  category: RequestCategory;
  createdAt: Date;
  acceptedAt: Date | null;
  resolvedAt: Date | null;
  overdue: boolean;
  rating: number | null;
}

const hour = 3600 * 1000;

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

/** Counts, medians (in hours, one decimal) and the average rating of the rows read. */
export function dashboardStats(rows: StatsRow[], truncated: boolean): RequestDashboard {
  const byStatus: RequestDashboard['byStatus'] = {};
  const byCategory: RequestDashboard['byCategory'] = {};
  const toAccept: number[] = [];
  const toResolve: number[] = [];
  const ratings: number[] = [];
  for (const row of rows) {
    byStatus[row.status] = (byStatus[row.status] ?? 0) + 1;
    byCategory[row.category] = (byCategory[row.category] ?? 0) + 1;
    const created = new Date(row.createdAt).getTime();
    if (row.acceptedAt) toAccept.push((new Date(row.acceptedAt).getTime() - created) / hour);
    if (row.resolvedAt) toResolve.push((new Date(row.resolvedAt).getTime() - created) / hour);
    if (row.rating !== null) ratings.push(row.rating);
  }
  return {
    total: rows.length,
    byStatus,
    byCategory,
    statusLines: requestStatuses.filter((key) => byStatus[key]).map((key) => ({ key, label: statusLabels[key], count: byStatus[key] ?? 0 })),
    categoryLines: requestCategoryKeys.filter((key) => byCategory[key]).map((key) => ({ key, label: requestCategories[key], count: byCategory[key] ?? 0 })),
    overdue: rows.filter((r) => r.overdue).length,
    medianHoursToAccept: round1(median(toAccept)),
    medianHoursToResolve: round1(median(toResolve)),
    averageRating: ratings.length ? round1(ratings.reduce((a, b) => a + b, 0) / ratings.length) : null,
    ratedCount: ratings.length,
    truncated,
  };
}
