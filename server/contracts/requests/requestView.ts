import type { RequestEvent, RequestStatus } from '../../domain/requests/requestStatusMachine';
import type { RequestCategory } from './categories';

export type { RequestStatus, RequestEvent, RequestCategory };

/** A line of 我的诉求 or of a cadre's queue. */
export interface RequestSummary {
  id: string;
  category: RequestCategory;
  categoryLabel: string;
  title: string;
  status: RequestStatus;
  statusLabel: string;
  orgId: string;
  orgName: string;
  createdAt: string;
  overdue: boolean;
}

/** One step of the timeline: who (a role and organisation, never an openid), when, what, note. */
export interface TimelineStep {
  at: string;
  /** Shanghai time for display: 2026-11-25 09:30. */
  atText: string;
  who: string;
  what: string;
  status: RequestStatus;
  statusLabel: string;
  note: string;
}

export interface RequestDetail extends RequestSummary {
  description: string;
  /** Only photos whose image check passed. */
  photos: string[];
  /** The worker's own photos still being checked (shown as 审核中); always empty for cadres. */
  photosInReview: string[];
  place: string;
  contactName: string;
  /** Masked (138****1234) except in a cadre's detail view. */
  contactMobile: string;
  acceptDueAt: string;
  resolveDueAt: string;
  /** The same deadlines in Shanghai time for display. */
  acceptDueText: string;
  resolveDueText: string;
  /** The deadline running now (受理 while waiting, 办结 while worked on), or null once resolved or ended. */
  deadline: { kind: 'accept' | 'resolve'; label: string; dueText: string; overdue: boolean } | null;
  rating: number | null;
  ratingComment: string | null;
  timeline: TimelineStep[];
  /** What the viewer may do now (the page shows these buttons and nothing else). */
  actions: RequestEvent[];
  /** The named cadre handling it, if assigned (cadre views only). */
  assigneeName?: string | null;
  /** 回访 recorded after resolution (cadre views only). */
  followUp?: { outcome: string; outcomeLabel: string; note: string; at: string } | null;
}
