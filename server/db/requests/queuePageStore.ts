import type { Database } from '../database';
import { requestCollections, type RequestDoc } from './requestStore';
import type { QueueFilter } from './requestStore';

export interface QueuePageQuery extends QueueFilter {
  search?: string;
  assigneeOpenid?: string;
  sort: 'deadline' | 'newest';
  cursor?: { value: Date; id: string };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One page of the queue by a (sort key, _id) cursor: `limit` documents after the cursor, so every
 * page costs one query however deep the cadre pages. Search is a title fragment or the number's tail.
 * Indexes orgId+resolveDueAt+_id, orgId+createdAt+_id (and with status or overdue before the sort
 * key) give the order for the organisations' `$in`: MongoDB merges one walk per organisation.
 */
export async function listQueuePage(db: Database, query: QueuePageQuery, limit: number): Promise<RequestDoc[]> {
  const _ = db.command;
  const base: Record<string, unknown> = { orgId: _.in(query.orgIds) };
  if (query.status) base.status = query.status;
  if (query.category) base.category = query.category;
  if (query.overdue !== undefined) base.overdue = query.overdue;
  if (query.assigneeOpenid) base.assigneeOpenid = query.assigneeOpenid;
  if (query.search) {
    const digits = /^\d{4,11}$/.test(query.search);
    if (digits) base.contactMobile = db.RegExp({ regexp: `${query.search}$` });
    else base.title = db.RegExp({ regexp: escapeRegExp(query.search), options: 'i' });
  }
  const key = query.sort === 'deadline' ? 'resolveDueAt' : 'createdAt';
  const order = query.sort === 'deadline' ? 'asc' : 'desc';
  let where: unknown = base;
  if (query.cursor) {
    const after = order === 'asc' ? _.gt : _.lt;
    const from = order === 'asc' ? _.gte : _.lte;
    // The plain bound on the sort key lets the index walk start at the cursor (the $or alone would not).
    where = _.and([{ ...base, [key]: from.call(_, query.cursor.value) }, _.or([{ [key]: after.call(_, query.cursor.value) }, { [key]: query.cursor.value, _id: after.call(_, query.cursor.id) }])]);
  }
  const { data } = await db
    .collection(requestCollections.requests)
    .where(where as Record<string, unknown>)
    .orderBy(key, order)
    .orderBy('_id', order)
    .limit(limit)
    .get();
  return data as RequestDoc[];
}
