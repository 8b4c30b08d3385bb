import type { LedgerEntry } from '../points/pointsLedger';
import { pointsCollections } from '../points/pointsCollections';
import type { Database } from './database';

/** A worker's ledger entries newest first, after a (createdAt, _id) cursor (index openid_1_createdAt_-1__id_-1). */
export async function ledgerPage(db: Database, openid: string, cursor: { value: Date; id: string } | undefined, limit: number): Promise<LedgerEntry[]> {
  const _ = db.command;
  const where = cursor ? _.and([{ openid }, _.or([{ createdAt: _.lt(cursor.value) }, { createdAt: cursor.value, _id: _.lt(cursor.id) }])]) : { openid };
  const { data } = await db.collection(pointsCollections.ledger).where(where as Record<string, unknown>).orderBy('createdAt', 'desc').orderBy('_id', 'desc').limit(limit).get();
  return data as LedgerEntry[];
}
