import { entryIdOf, type BoardEntryDoc } from '../../server/points/boardEntries';
import { dayKey, weekKey } from '../../server/points/periodKeys';
import { bucketOf, countsDocId, periodField, shardOf, type CountsDoc } from '../../server/points/rankCounts';

export interface SeedWorker {
  openid: string;
  nickname: string;
  score: number;
}

/**
 * A board's documents as if each worker had earned `score` points today in one award: the entries
 * (the same score today, this week and all time) and the rank counts they add up to, exactly as
 * awardPoints leaves them. For the bench and for tests that need a large board quickly.
 */
export function boardSeed(scope: string, workers: readonly SeedWorker[], now: Date): { entries: BoardEntryDoc[]; counts: CountsDoc[] } {
  const fields = [periodField('day', now), periodField('week', now), periodField('all', now)];
  const counts = new Map<string, CountsDoc>();
  const entries = workers.map((worker): BoardEntryDoc => {
    const award = `seed|${worker.openid}`;
    const bucket = bucketOf(worker.score);
    const shard = shardOf(award);
    const id = countsDocId(scope, bucket, shard);
    let doc = counts.get(id);
    if (!doc) counts.set(id, (doc = { _id: id, scope, bucket, shard, c: {}, done: [] }));
    for (const field of fields) {
      const map = (doc.c[field] ??= {});
      map[`s${worker.score}`] = (map[`s${worker.score}`] ?? 0) + 1;
    }
    return {
      _id: entryIdOf(scope, worker.openid),
      scope,
      openid: worker.openid,
      nickname: worker.nickname,
      day: dayKey(now),
      dayScore: worker.score,
      week: weekKey(now),
      weekScore: worker.score,
      allScore: worker.score,
      awards: [award],
      prev: null,
      updatedAt: now,
    };
  });
  return { entries, counts: [...counts.values()] };
}
