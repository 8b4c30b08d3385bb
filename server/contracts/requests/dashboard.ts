import { z } from 'zod';
import { defineAction } from '../action';
import { id } from '../fields';
import type { RequestCategory } from './categories';
import type { RequestStatus } from './requestView';

export interface RequestDashboard {
  total: number;
  byStatus: Partial<Record<RequestStatus, number>>;
  byCategory: Partial<Record<RequestCategory, number>>;
  /** The same counts with their display labels, in the machine's and the notice's order. */
  statusLines: Array<{ key: RequestStatus; label: string; count: number }>;
  categoryLines: Array<{ key: RequestCategory; label: string; count: number }>;
  /** Requests flagged overdue now. */
  overdue: number;
  /** Hours from filing to acceptance / resolution, averaged over the requests that are there now (one decimal); null when none. */
  averageHoursToAccept: number | null;
  averageHoursToResolve: number | null;
  averageRating: number | null;
  ratedCount: number;
}

/**
 * A cadre's dashboard over every request of their organisation tree (or of `orgId` within it),
 * read from the counters kept as requests change: exact at any number of requests.
 */
export const dashboard = defineAction<RequestDashboard>()({
  input: z.strictObject({ orgId: id.optional() }),
});
