import { collections } from '../collections';
import type { Database } from '../database';

/** One console write in the shared audit log: who, what, when, and the input (cut to 500 characters). */
export async function auditConsoleWrite(db: Database, entry: { at: Date; actorOpenid: string; action: string; detail: string; ok: boolean; code?: string }): Promise<void> {
  await db.collection(collections.auditLog).add({ data: { ...entry, via: 'console', detail: entry.detail.slice(0, 500) } });
}
