import path from 'node:path';
import type { Database } from '../../server/db/database';
import { addToRankCounts } from '../../server/points/boardWrites';
import { bucketOf, countsDocId, periodField, shardOf } from '../../server/points/rankCounts';
import { connectSdk, startTestCloud, stopTestCloud, TEST_FUNCTIONS, type Db } from '../localcloud/helpers/testCloud';

// Two awards race to the first write of one rank-counts document: each must be counted once,
// whichever way their requests interleave (1,000 concurrent submissions in `npm run bench` lost
// two counts this way before the fix).
jest.setTimeout(60000);

let cloud: Awaited<ReturnType<typeof startTestCloud>>;
let db: Db;

beforeAll(async () => {
  cloud = await startTestCloud({ collectionsFile: path.resolve(__dirname, '../../database/collections.json'), functionsDir: TEST_FUNCTIONS });
  db = connectSdk(cloud).db;
});

afterAll(async () => {
  await stopTestCloud(cloud);
});

const bound = <T extends object>(target: T, key: PropertyKey): unknown => {
  const value = Reflect.get(target, key) as unknown;
  return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
};

/** The database, with `between` run once right after the first conditional update of the rank counts answers. */
function pausingAfterFirstUpdate(database: Db, between: () => Promise<void>): Database {
  let paused = false;
  const query = (q: object) =>
    new Proxy(q, {
      get: (target, key) =>
        key !== 'update'
          ? bound(target, key)
          : async (options: unknown) => {
              const reply = await (target as { update(o: unknown): Promise<unknown> }).update(options);
              if (!paused) {
                paused = true;
                await between();
              }
              return reply;
            },
    });
  const collection = (c: object) => new Proxy(c, { get: (target, key) => (key === 'where' ? (filter: unknown) => query((target as { where(f: unknown): object }).where(filter)) : bound(target, key)) });
  return new Proxy(database, {
    get: (target, key) => (key === 'collection' ? (name: string) => (name === 'board_counts' ? collection(target.collection(name)) : target.collection(name)) : bound(target, key)),
  }) as unknown as Database;
}

/** Two award ids whose counts go to the same shard. */
function sameShardPair(prefix: string): [string, string] {
  const first = `${prefix}-a`;
  for (let i = 0; ; i += 1) {
    const other = `${prefix}-b${i}`;
    if (shardOf(other) === shardOf(first)) return [first, other];
  }
}

async function countOf(scope: string, awardId: string, score: number, now: Date): Promise<number> {
  const id = countsDocId(scope, bucketOf(score), shardOf(awardId));
  const { data } = (await db.collection('board_counts').where({ _id: id }).get()) as { data: Array<{ c: Record<string, Record<string, number>> }> };
  return data[0]?.c[periodField('day', now)]?.[`s${score}`] ?? 0;
}

const firstPoints = (scope: string, score: number) => ({ scope, before: { day: null, week: null, all: null }, after: { day: score, week: score, all: score } });

test('another award creates the document between this award’s update and its read: both are counted', async () => {
  const now = new Date();
  const scope = 'org:race-created-between';
  const [mine, theirs] = sameShardPair('race-1');
  const plain = db as unknown as Database;
  await addToRankCounts(
    pausingAfterFirstUpdate(db, () => addToRankCounts(plain, [firstPoints(scope, 3)], theirs, now)),
    [firstPoints(scope, 3)],
    mine,
    now,
  );
  expect(await countOf(scope, mine, 3, now)).toBe(2);
});

test('another award creates the document between this award’s update and its creation: both are counted', async () => {
  const now = new Date();
  const scope = 'org:race-created-at-once';
  const [mine, theirs] = sameShardPair('race-2');
  const plain = db as unknown as Database;
  // The other award's creation lands after this one's read: this one's creation fails and its update adds it.
  let readDone = false;
  const database = new Proxy(plain, {
    get: (target, key) =>
      key === 'collection'
        ? (name: string) => {
            const c = target.collection(name);
            if (name !== 'board_counts') return c;
            return new Proxy(c, {
              get: (ct, ck) =>
                ck === 'add'
                  ? async (options: unknown) => {
                      if (!readDone) {
                        readDone = true;
                        await addToRankCounts(plain, [firstPoints(scope, 5)], theirs, now);
                      }
                      return (ct as unknown as { add(o: unknown): Promise<unknown> }).add(options);
                    }
                  : bound(ct, ck),
            });
          }
        : bound(target, key),
  }) as unknown as Database;
  await addToRankCounts(database, [firstPoints(scope, 5)], mine, now);
  expect(await countOf(scope, mine, 5, now)).toBe(2);
});

test('a retried award is counted once', async () => {
  const now = new Date();
  const scope = 'org:race-retried';
  const plain = db as unknown as Database;
  await addToRankCounts(plain, [firstPoints(scope, 4)], 'race-3-a', now);
  await addToRankCounts(plain, [firstPoints(scope, 4)], 'race-3-a', now);
  expect(await countOf(scope, 'race-3-a', 4, now)).toBe(1);
});
