import Database from 'better-sqlite3';
import path from 'node:path';
import { encodeStored } from '../../localcloud/store/bsonValues';
import type { BoardEntryDoc } from '../../server/points/boardKeys';

/** A worker's points on the bench boards: spread over 0..4999, so many workers tie (as in life). */
export function benchEntry(boardKey: string, i: number): BoardEntryDoc {
  const openid = `bench-${i}`;
  return { _id: `${boardKey}|${openid}`, boardKey, openid, score: (i * 7919) % 5000, nickname: `职工${i}` };
}

/**
 * Writes entries straight into the local cloud's SQLite file before it opens (the SDK path, about
 * a thousand documents per insert over HTTP, is used for the smaller board; for a million it is
 * only slow, not different). Rows are exactly what the store writes: relaxed EJSON keyed by _id.
 */
export function writeEntriesDirectly(dataDir: string, boardKey: string, count: number): void {
  const db = new Database(path.join(dataDir, 'documents.sqlite'));
  try {
    const put = db.prepare('INSERT OR REPLACE INTO documents (collection, id, version, body) VALUES (?, ?, ?, ?)');
    const chunk = 100_000;
    for (let start = 0; start < count; start += chunk) {
      db.transaction(() => {
        for (let i = start; i < Math.min(count, start + chunk); i += 1) {
          const doc = benchEntry(boardKey, i);
          put.run('leaderboards', doc._id, 1, encodeStored({ ...doc }));
        }
      })();
    }
  } finally {
    db.close();
  }
}
