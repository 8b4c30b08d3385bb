import { z } from 'zod';
import { defineAction } from '../action';
import { id } from '../fields';
import type { QueueItem } from './queuePage';
import type { RequestStatus } from './requestView';

export interface WeekLine {
  week: string;
  filed: number;
  byStatus: Partial<Record<RequestStatus, number>>;
  resolved: number;
  /** Resolved by the deadline ÷ resolved, in percent (one decimal); null when none resolved. */
  onTimePct: number | null;
  /** (满意 + 基本满意) ÷ follow-ups that reached the worker, in percent; null when none. */
  satisfactionPct: number | null;
}

export interface OrgLine {
  orgId: string;
  orgName: string;
  filed: number;
  resolved: number;
  onTimePct: number | null;
  satisfactionPct: number | null;
  followUps: number;
  /** Quiz participation: distinct workers who earned quiz points in the period ÷ registered members. */
  members: number;
  quizToday: number;
  quizWeek: number;
  participationTodayPct: number | null;
  participationWeekPct: number | null;
}

export interface DeskStats {
  weeks: WeekLine[];
  orgs: OrgLine[];
  totals: { filed: number; resolved: number; onTimePct: number | null; satisfactionPct: number | null; followUps: number };
  /** Overdue requests, earliest deadline first (at most 20). */
  overdue: QueueItem[];
  /** Distinct workers who earned points today, province-wide (daily active workers). */
  activeToday: number;
  /** The same for each of the last 7 days, oldest first. */
  activeByDay: Array<{ day: string; workers: number }>;
}

/**
 * The console's dashboard: read from counters kept as requests change (exact at any size), the
 * organisation breakdown one level below the caller's tree (or below `orgId`).
 */
export const deskStats = defineAction<DeskStats>()({
  input: z.strictObject({ weeks: z.number().int().min(1).max(26).default(8), orgId: id.optional() }),
});
