import Database from 'better-sqlite3';
import path from 'node:path';
import { encodeStored } from '../../localcloud/store/bsonValues';
import { boardSeed } from './boardSeed';

/** A worker's points on the bench boards: spread over 0..4999, so many workers tie (as in life). */
export function benchScore(i: number): number {
  return (i * 7919) % 5000;
}

export function benchOpenid(scope: string, i: number): string {
  return `bench-${scope.replace(/[^a-z0-9]/gi, '')}-${i}`;
}

/**
 * Writes a board of `count` workers (entries and the rank counts they add up to, as awardPoints
 * leaves them) straight into the local cloud's SQLite file before it opens: the SDK path (a
 * thousand documents per insert over HTTP) is only slower for a million, not different. Rows are
 * exactly what the store writes: relaxed EJSON keyed by _id.
 */
export function writeBoardDirectly(dataDir: string, scope: string, count: number, now: Date): void {
  const db = new Database(path.join(dataDir, 'documents.sqlite'));
  try {
    const put = db.prepare('INSERT OR REPLACE INTO documents (collection, id, version, body) VALUES (?, ?, ?, ?)');
    const chunk = 100_000;
    const counts = new Map<string, { _id: string; c: Record<string, Record<string, number>> } & Record<string, unknown>>();
    for (let start = 0; start < count; start += chunk) {
      const workers = Array.from({ length: Math.min(chunk, count - start) }, (_, k) => ({ openid: benchOpenid(scope, start + k), nickname: `职工${start + k}`, score: benchScore(start + k) }));
      const seed = boardSeed(scope, workers, now);
      // Relaxed EJSON is plain JSON here but for the one date: written by hand, it is many times faster.
      const updatedAt = { $date: now.toISOString() };
      db.transaction(() => {
        for (const entry of seed.entries) put.run('board_entries', entry._id, 1, JSON.stringify({ ...entry, updatedAt }));
      })();
      for (const doc of seed.counts) {
        const into = counts.get(doc._id);
        if (!into) {
          counts.set(doc._id, { ...doc });
          continue;
        }
        for (const [field, map] of Object.entries(doc.c)) {
          const target = (into.c[field] ??= {});
          for (const [score, n] of Object.entries(map)) target[score] = (target[score] ?? 0) + n;
        }
      }
    }
    db.transaction(() => {
      for (const doc of counts.values()) put.run('board_counts', doc._id, 1, encodeStored({ ...doc }));
    })();
  } finally {
    db.close();
  }
}
