import path from 'node:path';
import { connectSdk, startTestCloud, stopTestCloud, TEST_FUNCTIONS, type Db } from './helpers/testCloud';

// The cost model counts what MongoDB would examine for each plan, not what the emulator does.
jest.setTimeout(60000);

let cloud: Awaited<ReturnType<typeof startTestCloud>>;
let db: Db;
const board = 'province:qh:all:all';
const entries = 1000;

beforeAll(async () => {
  cloud = await startTestCloud({ collectionsFile: path.resolve(__dirname, '../../database/collections.json'), functionsDir: TEST_FUNCTIONS });
  db = connectSdk(cloud).db;
  const docs = Array.from({ length: entries }, (_, i) => ({ _id: `${board}|w${i}`, boardKey: board, openid: `w${i}`, score: i % 250, nickname: `n${i}` }));
  await db.collection('leaderboards').add({ data: docs });
  await db.collection('leaderboards').add({ data: [{ _id: 'other|w1', boardKey: 'other', openid: 'w1', score: 5, nickname: 'x' }] });
});

afterAll(async () => {
  await stopTestCloud(cloud);
});

async function costOf(work: () => Promise<unknown>) {
  const { total } = await cloud.measure(work);
  return { roundTrips: total.roundTrips, keys: total.keysExamined, docs: total.docsExamined, written: total.docsWritten };
}

test('a read by _id examines one key and one document', async () => {
  expect(await costOf(() => db.collection('leaderboards').doc(`${board}|w7`).get())).toEqual({ roundTrips: 1, keys: 1, docs: 1, written: 0 });
  expect(await costOf(() => db.collection('leaderboards').where({ _id: db.command.in([`${board}|w1`, `${board}|w2`, 'missing']) }).get())).toEqual({ roundTrips: 1, keys: 3, docs: 2, written: 0 });
});

test('a sorted page walks the index only as far as the page', async () => {
  expect(await costOf(() => db.collection('leaderboards').where({ boardKey: board }).orderBy('score', 'desc').limit(100).get())).toEqual({ roundTrips: 1, keys: 100, docs: 100, written: 0 });
});

test('an $in on the leading key merges one sorted walk per value; a count sums their keys', async () => {
  const _ = db.command;
  // Each walk stops once it has filled the page (an upper bound of what the merge reads): 10 on the board, the 1 of 'other'.
  const page = await costOf(() => db.collection('leaderboards').where({ boardKey: _.in([board, 'other']) }).orderBy('score', 'desc').limit(10).get());
  expect(page).toEqual({ roundTrips: 1, keys: 11, docs: 11, written: 0 });
  expect(await costOf(() => db.collection('leaderboards').where({ boardKey: _.in([board, 'other']) }).count())).toEqual({ roundTrips: 1, keys: entries + 1, docs: 0, written: 0 });
  const { total } = (await db.collection('leaderboards').where({ boardKey: _.in([board, 'other']) }).count()) as { total: number };
  expect(total).toBe(entries + 1);
});

test('an $and is planned by its plain members (a cursor page starts at the cursor), its $or tested on each document', async () => {
  const _ = db.command;
  const after = _.and([{ boardKey: board, score: _.lte(100) }, _.or([{ score: _.lt(100) }, { score: 100, _id: _.lt(`${board}|w5`) }])]) as unknown as Record<string, unknown>;
  const page = (await db.collection('leaderboards').where(after).orderBy('score', 'desc').limit(10).get()) as { data: Array<{ score: number }> };
  expect(page.data.map((d) => d.score).every((score) => score <= 100)).toBe(true);
  const cost = await costOf(() => db.collection('leaderboards').where(after).orderBy('score', 'desc').limit(10).get());
  // Without the plain bound the walk would start at the top of the board: 1,000 keys for a late page.
  expect(cost.keys).toBeLessThanOrEqual(20);
});

test('a count the index answers walks every key it counts, and reads no document', async () => {
  const above = await db.collection('leaderboards').where({ boardKey: board, score: db.command.gt(199) }).count();
  expect(above.total).toBe(200);
  expect(await costOf(() => db.collection('leaderboards').where({ boardKey: board, score: db.command.gt(199) }).count())).toEqual({ roundTrips: 1, keys: 200, docs: 0, written: 0 });
  expect(await costOf(() => db.collection('leaderboards').where({ boardKey: board, score: db.command.gt(-1) }).count())).toMatchObject({ keys: entries, docs: 0 });
});

test('a filter no index serves scans the whole collection', async () => {
  expect(await costOf(() => db.collection('leaderboards').where({ nickname: 'n5' }).count())).toEqual({ roundTrips: 1, keys: 0, docs: entries + 1, written: 0 });
  // A residual filter the index cannot answer makes MongoDB fetch every document in the bounds.
  expect(await costOf(() => db.collection('leaderboards').where({ boardKey: board, nickname: 'n5' }).count())).toEqual({ roundTrips: 1, keys: entries, docs: entries, written: 0 });
});

test('an index named inside a top-level $and serves the read, as MongoDB plans it', async () => {
  const _ = db.command;
  const filter = _.and([{ boardKey: board }, _.or([{ score: 5 }, { nickname: 'n6' }])]) as unknown as Record<string, unknown>;
  const { data } = (await db.collection('leaderboards').where(filter).limit(1000).get()) as { data: unknown[] };
  expect(data).toHaveLength(entries / 250 + 1);
  // The boardKey index bounds the walk: the other board's entry is never examined.
  expect(await costOf(() => db.collection('leaderboards').where(filter).count())).toEqual({ roundTrips: 1, keys: entries, docs: entries, written: 0 });
});

test('updates and removes examine like their query and count what they write', async () => {
  const ids = [`${board}|w1`, `${board}|w2`, `${board}|w3`];
  expect(await costOf(() => db.collection('leaderboards').where({ _id: db.command.in(ids) }).update({ data: { score: db.command.inc(1) } }))).toEqual({ roundTrips: 1, keys: 3, docs: 3, written: 3 });
  expect(await costOf(() => db.collection('leaderboards').add({ data: { _id: 'new|x', boardKey: 'new', score: 1 } }))).toEqual({ roundTrips: 1, keys: 0, docs: 0, written: 1 });
  expect(await costOf(() => db.collection('leaderboards').doc('new|x').remove())).toEqual({ roundTrips: 1, keys: 1, docs: 1, written: 1 });
});

test('an aggregation without an index examines every document; a $lookup on _id one key per input', async () => {
  const scan = await costOf(() => db.collection('leaderboards').aggregate().match({ nickname: 'n5' }).end());
  expect(scan).toMatchObject({ keys: 0, docs: entries + 1 });
  const joined = await costOf(() =>
    db.collection('leaderboards').aggregate().match({ _id: `${board}|w1` }).lookup({ from: 'leaderboards', localField: 'openid', foreignField: '_id', as: 'self' }).end(),
  );
  expect(joined).toEqual({ roundTrips: 1, keys: 2, docs: 1, written: 0 });
});

test('requests from outside a function count in the total, not as a function call', async () => {
  const { calls, total } = await cloud.measure(async () => {
    await cloud.invoke('caller', { target: 'echo', data: {} }, { openid: 'o-cost' });
    await db.collection('leaderboards').doc(`${board}|w9`).get();
  });
  // The SDK outside a function is counted in the total, not as a call.
  expect(total.roundTrips).toBe(1);
  expect(calls).toEqual([]);
  expect(cloud.costs().hottest(1)).toEqual([]);
});
