import type { LedgerEntry } from '../points/pointsLedger';
import { pointsCollections } from '../points/pointsCollections';
import type { Database } from './database';

/** A worker's ledger entries newest first, before a time (index openid_1_createdAt_-1). */
export async function ledgerPage(db: Database, openid: string, before: Date | undefined, limit: number): Promise<LedgerEntry[]> {
  const _ = db.command;
  const where = before ? { openid, createdAt: _.lt(before) } : { openid };
  const { data } = await db.collection(pointsCollections.ledger).where(where).orderBy('createdAt', 'desc').limit(limit).get();
  return data as LedgerEntry[];
}
