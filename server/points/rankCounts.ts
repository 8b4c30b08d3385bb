import { dayKey, weekKey, type Period } from './periodKeys';

/**
 * Rank counts: how many workers of a board hold each score, so a rank is a sum of counts instead
 * of a count over every index key above the worker (MongoDB walks each of them: a worker at the
 * bottom of a 1,000,000-entry board would cost 1,000,000 keys per view).
 *
 * Documents of `board_counts`, one per (scope, bucket, shard): `_id = <scope>|<bucket>|<shard>`,
 * `{ scope, bucket, shard, c: { <periodField>: { s<score>: n } }, done: [awardId…] }`, where the
 * period fields are `d20261125` (a day), `w20261123` (a week, by its Monday) and `a` (all time).
 *
 * - A move of a worker on a period from score `from` to `to` is `c.<p>.s<to> += 1` and
 *   `c.<p>.s<from> -= 1`, written into the document of the bucket of the worker's new all-time
 *   score. Scores only grow and a period's score never exceeds the all-time one, so every change
 *   at score s lies in a bucket ≥ bucket(s): a reader with score m reads the documents with
 *   bucket ≥ bucket(m) and sums the counts of the scores above m. Exact, whatever the order of
 *   the writes.
 * - The sum of a period's counts is the number of workers on that board (participation).
 * - Buckets are octaves of the all-time score (0, 1, 2–3, 4–7, …): 17 buckets up to 65,535
 *   points, so a reader examines at most 17 × 32 documents.
 * - Each award writes one shard of 32, picked by a hash of the award, so a document takes about
 *   1/32 of the concurrent awards (the target is at most 1/16).
 * - `done` keeps the last awards applied to the document: a retried award finds its id and the
 *   update matches nothing (an exactly-once `_.inc` without a transaction).
 */
export const rankShards = 32;
export const doneKept = 200;

export function bucketOf(score: number): number {
  return score <= 0 ? 0 : Math.floor(Math.log2(score + 1));
}

/**
 * A stable, well-spread shard for an award (a retry picks the same document): FNV-1a, then
 * murmur3's final mix. FNV-1a's low bits alone spread badly: bit 0 is the parity of the key's
 * characters, and an award id names the worker twice (`<openid>|quiz-daily|daily_<day>_<openid>`),
 * so every daily award took a shard of one parity, half of the 32.
 */
export function shardOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) % rankShards;
}

export function countsDocId(scope: string, bucket: number, shard: number): string {
  return `${scope}|${bucket}|${shard}`;
}

/** The field of a period's counts in a counts document. */
export function periodField(period: Period, now: Date): string {
  if (period === 'day') return `d${dayKey(now).replace(/-/g, '')}`;
  if (period === 'week') return `w${weekKey(now).slice(1).replace(/-/g, '')}`;
  return 'a';
}

/** Scores of one worker on one scope's boards; null: not on that period's board yet. */
export interface PeriodScores {
  day: number | null;
  week: number | null;
  all: number | null;
}

export interface CountsDoc {
  _id: string;
  scope: string;
  bucket: number;
  shard: number;
  c: Record<string, Record<string, number>>;
  done: string[];
}

/** The count changes of one award on one scope: `{ 'c.d20261125.s12': 1, 'c.d20261125.s7': -1, … }`. */
export function countChanges(before: PeriodScores, after: PeriodScores, now: Date): Record<string, number> {
  const changes: Record<string, number> = {};
  for (const period of ['day', 'week', 'all'] as const) {
    const from = before[period];
    const to = after[period];
    if (to === null || from === to) continue;
    const field = periodField(period, now);
    changes[`c.${field}.s${to}`] = (changes[`c.${field}.s${to}`] ?? 0) + 1;
    if (from !== null) changes[`c.${field}.s${from}`] = (changes[`c.${field}.s${from}`] ?? 0) - 1;
  }
  return changes;
}

/**
 * Maps of past days and weeks that a write removes: a document keeps the last seven days and two
 * weeks (the desk's "active per day" sums them), not a map per day for ever.
 */
export function stalePeriodFields(now: Date): string[] {
  const fields: string[] = [];
  for (let back = 8; back <= 14; back += 1) fields.push(`c.${periodField('day', new Date(now.getTime() - back * 86_400_000))}`);
  for (let back = 2; back <= 3; back += 1) fields.push(`c.${periodField('week', new Date(now.getTime() - back * 7 * 86_400_000))}`);
  return fields;
}

/** How many workers are on a period's board: every count of that period summed. */
export function countAll(docs: ReadonlyArray<Pick<CountsDoc, 'c'>>, field: string): number {
  return countAbove(docs, field, -1);
}

/** How many workers of the board score more than `score`, from the documents of buckets ≥ bucketOf(score). */
export function countAbove(docs: ReadonlyArray<Pick<CountsDoc, 'c'>>, field: string, score: number): number {
  let above = 0;
  for (const doc of docs) {
    const counts = doc.c?.[field];
    if (!counts) continue;
    for (const [key, n] of Object.entries(counts)) if (Number(key.slice(1)) > score) above += n;
  }
  return above;
}
