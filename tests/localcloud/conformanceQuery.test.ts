import type { LocalCloud } from '../../localcloud';
import { connectSdk, startTestCloud, stopTestCloud, type Db } from './helpers/testCloud';

// Query cases through the real wx-server-sdk; expectations are MongoDB's (CloudBase's) semantics.
let localCloud: (LocalCloud & { dataDir: string }) | undefined;
let db: Db;

const things = [
  { _id: 't1', name: 'apple', n: 1, tags: ['red', 'fruit'], size: { w: 1, h: 2 }, at: new Date('2024-01-01T00:00:00Z'), parts: [{ k: 'a', v: 1 }, { k: 'b', v: 2 }] },
  { _id: 't2', name: 'Banana', n: 2, tags: ['yellow', 'fruit'], size: { w: 2, h: 1 }, at: new Date('2024-02-01T00:00:00Z'), parts: [{ k: 'a', v: 3 }] },
  { _id: 't3', name: 'carrot', n: 3, tags: ['orange', 'vegetable', 'root'], size: { w: 1, h: 5 }, at: new Date('2024-03-01T00:00:00Z'), opt: null },
  { _id: 't4', name: 'date', n: 4, tags: [], at: new Date('2024-04-01T00:00:00Z'), opt: 'x' },
  { _id: 't5', name: 'eggplant', n: 5, tags: ['purple', 'vegetable'], size: { w: 3, h: 3 } },
];

async function ids(condition: Record<string, unknown>): Promise<string[]> {
  const { data } = await db.collection('things').where(condition).get();
  return (data as Array<{ _id: string }>).map((doc) => doc._id).sort();
}

beforeAll(async () => {
  localCloud = await startTestCloud();
  ({ db } = connectSdk(localCloud));
  await db.collection('things').add({ data: things });
});

afterAll(() => stopTestCloud(localCloud));

describe('comparison', () => {
  test('gt, gte with lte, neq, lt and plain equality select what MongoDB selects', async () => {
    const _ = db.command;
    expect(await ids({ n: _.gt(2) })).toEqual(['t3', 't4', 't5']);
    expect(await ids({ n: _.gte(2).and(_.lte(3)) })).toEqual(['t2', 't3']);
    expect(await ids({ n: _.neq(3) })).toEqual(['t1', 't2', 't4', 't5']);
    expect(await ids({ n: _.lt(1) })).toEqual([]);
    expect(await ids({ name: 'apple' })).toEqual(['t1']);
  });

  test('null matches both a null and a missing field', async () => {
    expect(await ids({ opt: null })).toEqual(['t1', 't2', 't3', 't5']);
  });
});

describe('logical', () => {
  test('_.or, a field-level or, _.and, _.nor and _.not', async () => {
    const _ = db.command;
    expect(await ids(_.or([{ n: 1 }, { name: 'date' }]) as unknown as Record<string, unknown>)).toEqual(['t1', 't4']);
    expect(await ids({ n: _.lt(2).or(_.gt(4)) })).toEqual(['t1', 't5']);
    expect(await ids(_.and([{ n: _.gt(1) }, { n: _.lt(4) }]) as unknown as Record<string, unknown>)).toEqual(['t2', 't3']);
    expect(await ids(_.nor([{ n: 1 }, { n: 2 }]) as unknown as Record<string, unknown>)).toEqual(['t3', 't4', 't5']);
    expect(await ids({ n: _.not(_.gt(2)) })).toEqual(['t1', 't2']);
  });
});

describe('arrays', () => {
  test('in, nin, all, elemMatch, size and equality with an element', async () => {
    const _ = db.command;
    expect(await ids({ tags: _.in(['red', 'purple']) })).toEqual(['t1', 't5']);
    expect(await ids({ n: _.nin([1, 2]) })).toEqual(['t3', 't4', 't5']);
    expect(await ids({ tags: _.all(['fruit', 'red']) })).toEqual(['t1']);
    expect(await ids({ parts: _.elemMatch({ k: 'a', v: _.gt(2) }) })).toEqual(['t2']);
    expect(await ids({ tags: _.size(3) })).toEqual(['t3']);
    expect(await ids({ tags: 'fruit' })).toEqual(['t1', 't2']);
  });
});

describe('regular expressions', () => {
  test('db.RegExp with options and a JavaScript RegExp', async () => {
    expect(await ids({ name: db.RegExp({ regexp: '^b', options: 'i' }) })).toEqual(['t2']);
    expect(await ids({ name: db.RegExp({ regexp: '^b' }) })).toEqual([]);
    expect(await ids({ name: /an/ })).toEqual(['t2', 't5']);
  });
});

describe('dates', () => {
  test('a date range selects by time and dates come back as Date', async () => {
    const _ = db.command;
    expect(await ids({ at: _.gte(new Date('2024-02-01T00:00:00Z')).and(_.lt(new Date('2024-04-01T00:00:00Z'))) })).toEqual(['t2', 't3']);
    const { data } = await db.collection('things').doc('t1').get();
    const at = (data as { at: unknown }).at;
    expect(at).toBeInstanceOf(Date);
    expect((at as Date).toISOString()).toBe('2024-01-01T00:00:00.000Z');
  });
});

describe('dotted paths and exists', () => {
  test('nested fields, array elements and positions', async () => {
    expect(await ids({ 'size.w': 1 })).toEqual(['t1', 't3']);
    expect(await ids({ size: { w: 1 } })).toEqual(['t1', 't3']);
    expect(await ids({ 'parts.k': 'b' })).toEqual(['t1']);
    expect(await ids({ 'tags.0': 'yellow' })).toEqual(['t2']);
  });

  test('_.exists(true) includes a null value; _.exists(false) only the missing', async () => {
    const _ = db.command;
    expect(await ids({ opt: _.exists(true) })).toEqual(['t3', 't4']);
    expect(await ids({ size: _.exists(false) })).toEqual(['t4']);
  });
});

describe('order, skip, limit, count and projection', () => {
  test('orderBy on two keys with skip and limit', async () => {
    const all = await db.collection('things').orderBy('size.w', 'desc').orderBy('n', 'asc').get();
    expect((all.data as Array<{ _id: string }>).map((doc) => doc._id)).toEqual(['t5', 't2', 't1', 't3', 't4']);
    const page = await db.collection('things').orderBy('size.w', 'desc').orderBy('n', 'asc').skip(1).limit(3).get();
    expect((page.data as Array<{ _id: string }>).map((doc) => doc._id)).toEqual(['t2', 't1', 't3']);
    const beyond = await db.collection('things').skip(10).get();
    expect(beyond.data).toEqual([]);
  });

  test('count counts the matches', async () => {
    const _ = db.command;
    expect((await db.collection('things').where({ n: _.gt(2) }).count()).total).toBe(3);
    expect((await db.collection('things').count()).total).toBe(5);
  });

  test('field() keeps or drops fields', async () => {
    const kept = await db.collection('things').where({ _id: 't1' }).field({ name: true }).get();
    expect(kept.data).toEqual([{ _id: 't1', name: 'apple' }]);
    const dropped = await db.collection('things').doc('t4').field({ tags: false, at: false }).get();
    expect(dropped.data).toEqual({ _id: 't4', name: 'date', n: 4, opt: 'x' });
  });

  test('doc().get() of a missing document rejects', async () => {
    await expect(db.collection('things').doc('nope').get()).rejects.toThrow(/does not exist/);
  });

  test('reads return 100 documents by default and at most 1000', async () => {
    await db.createCollection('bulk');
    const docs = Array.from({ length: 1005 }, (_, i) => ({ i }));
    await db.collection('bulk').add({ data: docs });
    expect((await db.collection('bulk').count()).total).toBe(1005);
    expect((await db.collection('bulk').get()).data).toHaveLength(100);
    expect((await db.collection('bulk').limit(1000).get()).data).toHaveLength(1000);
    // The SDK caps limit() at 1000 itself; the server caps what other clients ask for.
    const response = await fetch(`${(localCloud as LocalCloud).url}/admin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'database.getDocument', collectionName: 'bulk', queryType: 'WHERE', limit: 5000 }),
    });
    const reply = (await response.json()) as { data: { list: string[] } };
    expect(reply.data.list).toHaveLength(1000);
  });
});
