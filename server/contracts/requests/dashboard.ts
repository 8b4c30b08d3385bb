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
  /** Requests not yet answered: waiting for a cadre or being worked on. */
  open: number;
  /** Resolved by the deadline ÷ resolved, in percent (one decimal); null when none resolved. */
  onTimePct: number | null;
  /** (满意 + 基本满意) ÷ follow-ups that reached the worker, in percent; null when none. */
  satisfactionPct: number | null;
  /** The same figures for each organisation one level below the caller's tree (or below `orgId`): all of them. */
  orgLines: DashboardOrgLine[];
}

export interface DashboardOrgLine {
  orgId: string;
  orgName: string;
  total: number;
  open: number;
  overdue: number;
  onTimePct: number | null;
  satisfactionPct: number | null;
}

/**
 * A cadre's dashboard over every request of their organisation tree (or of `orgId` within it),
 * read from the counters kept as requests change: exact at any number of requests.
 */
export const dashboard = defineAction<RequestDashboard>()({
  input: z.strictObject({ orgId: id.optional() }),
});
