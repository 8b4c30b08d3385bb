import type { Database } from '../database';
import type { ContestDoc } from './contests';

/**
 * A page of the unfinished contests open to a worker, soonest ending first, after `cursor` (the
 * previous page's last end and id): only those naming one of `orgChain` (the province's id and the
 * worker's organisations up the chain, the rule of isEligible), so other unions' contests never
 * crowd a worker's own out of the page. Index orgIds_1_endsAt_1__id_1 (orgIds is an array: a
 * multikey index, walked once per id of the chain and merged in order).
 */
export async function unfinishedContestsFor(db: Database, orgChain: string[], now: Date, cursor: { value: Date; id: string } | undefined, limit: number): Promise<ContestDoc[]> {
  const _ = db.command;
  const after = cursor ? [_.or([{ endsAt: _.gt(cursor.value) }, { endsAt: cursor.value, _id: _.gt(cursor.id) }])] : [];
  const where = _.and([{ orgIds: _.in(orgChain) }, { endsAt: _.gt(now) }, ...after]);
  const { data } = await db.collection('contests').where(where as unknown as Record<string, unknown>).orderBy('endsAt', 'asc').orderBy('_id', 'asc').limit(limit).get();
  return (data as ContestDoc[]).map((d) => ({ ...d, startsAt: new Date(d.startsAt), endsAt: new Date(d.endsAt), ...(d.closedAt ? { closedAt: new Date(d.closedAt) } : {}) }));
}
