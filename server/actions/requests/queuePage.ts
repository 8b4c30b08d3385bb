import type { queuePage as contract, QueueItem } from '../../contracts/requests';
import { followUpOutcomes } from '../../contracts/requests/followUpOutcomes';
import { listQueuePage } from '../../db/requests/queuePageStore';
import { decodeCursor, encodeCursor } from '../../db/sortKeyCursor';
import type { RequestDoc } from '../../db/requests/requestStore';
import { orgScope } from '../../domain/requests/orgScope';
import { summaryOf } from '../../domain/requests/requestViews';
import type { Handler } from '../../runtime/router';
import { cadreScope } from './cadreScope';

const shanghaiTime = (d: Date) => new Date(new Date(d).getTime() + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ');

export function itemOf(doc: RequestDoc, names: Map<string, string>): QueueItem {
  return {
    ...summaryOf(doc, names),
    resolveDueAt: new Date(doc.resolveDueAt).toISOString(),
    resolveDueText: shanghaiTime(doc.resolveDueAt),
    assigneeName: doc.assigneeName ?? null,
    phoneTail: doc.contactMobile.slice(-4),
    followUpOutcome: doc.followUp ? followUpOutcomes[doc.followUp.outcome] : null,
  };
}

export const queuePage: Handler<typeof contract> = async (input, ctx) => {
  const { scope, orgs, names } = await cadreScope(ctx);
  let orgIds = [...scope];
  if (input.orgId) {
    const branch = orgScope(orgs, [input.orgId]);
    orgIds = orgIds.filter((id) => branch.has(id));
    if (orgIds.length === 0) return { items: [], nextCursor: null };
  }
  const docs = await listQueuePage(
    ctx.db,
    { orgIds, status: input.status, category: input.category, overdue: input.overdue, search: input.search || undefined, assigneeOpenid: input.mine ? ctx.openid : undefined, sort: input.sort, cursor: decodeCursor(input.cursor) },
    input.limit + 1,
  );
  const page = docs.slice(0, input.limit);
  const last = page[page.length - 1];
  const nextCursor = docs.length > input.limit && last ? encodeCursor(input.sort === 'deadline' ? last.resolveDueAt : last.createdAt, last._id) : null;
  return { items: page.map((doc) => itemOf(doc, names)), nextCursor };
};
