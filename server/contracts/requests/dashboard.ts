import { z } from 'zod';
import { defineAction } from '../action';
import type { RequestCategory } from './categories';
import { queueFilter } from './queueFilter';
import type { RequestStatus } from './requestView';

export interface RequestDashboard {
  total: number;
  byStatus: Partial<Record<RequestStatus, number>>;
  byCategory: Partial<Record<RequestCategory, number>>;
  /** The same counts with their display labels, in the machine's and the notice's order. */
  statusLines: Array<{ key: RequestStatus; label: string; count: number }>;
  categoryLines: Array<{ key: RequestCategory; label: string; count: number }>;
  overdue: number;
  /** Hours from filing to acceptance / resolution, median over the requests that got there; null when none did. */
  medianHoursToAccept: number | null;
  medianHoursToResolve: number | null;
  averageRating: number | null;
  ratedCount: number;
  /** True when more requests matched than one dashboard reads (see dashboardLimit). */
  truncated: boolean;
}

/** A cadre's dashboard over the same filters as the queue. */
export const dashboard = defineAction<RequestDashboard>()({
  input: z.strictObject(queueFilter),
});
