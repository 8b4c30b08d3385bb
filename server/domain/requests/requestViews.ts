import { followUpOutcomes } from '../../contracts/requests/followUpOutcomes';
import { requestCategories } from '../../contracts/requests/categories';
import type { RequestDetail, RequestSummary, TimelineStep } from '../../contracts/requests/requestView';
import type { RequestDoc, TimelineEntry } from '../../db/requests/requestStore';
import { maskPhone } from './maskPhone';
import { runningDeadline } from './overdue';
import { photosOf } from './photoChecks';
import { cadreEvents, eventLabels, nextStatus, statusLabels, withinReopenWindow, workerEvents, type RequestEvent } from './requestStatusMachine';

export type OrgNames = ReadonlyMap<string, string>;
export type Viewer = 'worker' | 'cadre';

const iso = (d: Date | string) => new Date(d).toISOString();
export const shanghaiTime = (d: Date): string => new Date(d.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ');

export function summaryOf(doc: RequestDoc, orgNames: OrgNames): RequestSummary {
  return {
    id: doc._id,
    category: doc.category,
    categoryLabel: requestCategories[doc.category],
    title: doc.title,
    status: doc.status,
    statusLabel: statusLabels[doc.status],
    orgId: doc.orgId,
    orgName: orgNames.get(doc.orgId) ?? '',
    createdAt: iso(doc.createdAt),
    overdue: doc.overdue,
  };
}

function whoOf(entry: TimelineEntry, orgNames: OrgNames): string {
  if (entry.actor === 'worker') return '职工本人';
  if (entry.actor === 'system') return '系统';
  return `${orgNames.get(entry.orgId) ?? '工会'} 工作人员`;
}

export function stepOf(entry: TimelineEntry, orgNames: OrgNames): TimelineStep {
  return { at: iso(entry.at), atText: shanghaiTime(new Date(entry.at)), who: whoOf(entry, orgNames), what: eventLabels[entry.event], status: entry.to, statusLabel: statusLabels[entry.to], note: entry.note };
}

/** What the viewer may do now: the events the machine allows, narrowed by the worker's own rules. */
export function actionsFor(doc: RequestDoc, viewer: Viewer, now: Date): RequestEvent[] {
  const events: readonly RequestEvent[] = viewer === 'worker' ? workerEvents : cadreEvents;
  return events.filter((event) => {
    if (nextStatus(doc.status, event) === null) return false;
    if (event === 'reopen') return withinReopenWindow(doc.resolvedAt ? new Date(doc.resolvedAt) : null, now);
    if (event === 'rate') return doc.rating === null;
    return true;
  });
}

const deadlineLabels = { accept: '受理时限', resolve: '办结时限' } as const;

export function detailOf(doc: RequestDoc, orgNames: OrgNames, viewer: Viewer, now: Date, options: { fullPhone: boolean }): RequestDetail {
  const { passed, checking } = photosOf(doc);
  const running = runningDeadline(doc, now);
  return {
    ...summaryOf(doc, orgNames),
    description: doc.description,
    photos: passed,
    photosInReview: viewer === 'worker' ? checking : [],
    place: doc.place,
    contactName: doc.contactName,
    contactMobile: options.fullPhone ? doc.contactMobile : maskPhone(doc.contactMobile),
    acceptDueAt: iso(doc.acceptDueAt),
    resolveDueAt: iso(doc.resolveDueAt),
    acceptDueText: shanghaiTime(new Date(doc.acceptDueAt)),
    resolveDueText: shanghaiTime(new Date(doc.resolveDueAt)),
    deadline: running ? { kind: running.kind, label: deadlineLabels[running.kind], dueText: shanghaiTime(running.dueAt), overdue: running.overdue || doc.overdue } : null,
    rating: doc.rating,
    ratingComment: doc.ratingComment,
    timeline: doc.timeline.map((entry) => stepOf(entry, orgNames)),
    actions: actionsFor(doc, viewer, now),
    ...(viewer === 'cadre'
      ? {
          assigneeName: doc.assigneeName ?? null,
          followUp: doc.followUp ? { outcome: doc.followUp.outcome, outcomeLabel: followUpOutcomes[doc.followUp.outcome], note: doc.followUp.note, at: iso(doc.followUp.at) } : null,
        }
      : {}),
  };
}
