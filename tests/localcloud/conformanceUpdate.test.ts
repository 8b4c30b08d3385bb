import type { LocalCloud } from '../../localcloud';
import { connectSdk, startTestCloud, stopTestCloud, type Db } from './helpers/testCloud';

// Writes through the real wx-server-sdk: update operators, replace, upsert, unique indexes, errors.
let localCloud: (LocalCloud & { dataDir: string }) | undefined;
let db: Db;

async function read(collection: string, id: string): Promise<Record<string, unknown>> {
  return (await db.collection(collection).doc(id).get()).data as Record<string, unknown>;
}

/** A raw modifyDocument, as another client of the server API would send it. */
async function modifyDocument(body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const response = await fetch(`${(localCloud as LocalCloud).url}/admin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'database.modifyDocument', ...body }),
  });
  return (await response.json()) as Record<string, unknown>;
}

beforeAll(async () => {
  localCloud = await startTestCloud();
  ({ db } = connectSdk(localCloud));
});

afterAll(() => stopTestCloud(localCloud));

test('50 concurrent _.inc updates add up exactly', async () => {
  const _ = db.command;
  await db.collection('counters').add({ data: { _id: 'c1', value: 0 } });
  await Promise.all(Array.from({ length: 50 }, () => db.collection('counters').doc('c1').update({ data: { value: _.inc(1) } })));
  expect((await read('counters', 'c1')).value).toBe(50);
});

test('push, pull, addToSet and remove change arrays and fields as MongoDB does', async () => {
  const _ = db.command;
  const doc = db.collection('things').doc('a1');
  await db.collection('things').add({ data: { _id: 'a1', list: [1, 2, 3], set: ['a'], gone: 1 } });
  await doc.update({ data: { list: _.push([4, 5]) } });
  expect((await read('things', 'a1')).list).toEqual([1, 2, 3, 4, 5]);
  await doc.update({ data: { list: _.pull(_.gt(3)) } });
  expect((await read('things', 'a1')).list).toEqual([1, 2, 3]);
  await doc.update({ data: { list: _.pull(2) } });
  await doc.update({ data: { list: _.push({ each: [0], position: 0 }) } });
  expect((await read('things', 'a1')).list).toEqual([0, 1, 3]);
  const unchanged = await doc.update({ data: { set: _.addToSet('a') } });
  expect(unchanged.stats.updated).toBe(0);
  await doc.update({ data: { set: _.addToSet('b') } });
  expect((await read('things', 'a1')).set).toEqual(['a', 'b']);
  await doc.update({ data: { gone: _.remove() } });
  expect(await read('things', 'a1')).not.toHaveProperty('gone');
});

test('an object in update() merges into the field; _.set() replaces it', async () => {
  const _ = db.command;
  await db.collection('things').add({ data: { _id: 'm1', o: { p: 1, q: 1 } } });
  await db.collection('things').doc('m1').update({ data: { o: { p: 2 } } });
  expect((await read('things', 'm1')).o).toEqual({ p: 2, q: 1 });
  await db.collection('things').doc('m1').update({ data: { o: _.set({ p: 3 }) } });
  expect((await read('things', 'm1')).o).toEqual({ p: 3 });
});

test('doc().set() replaces the document, or creates it', async () => {
  await db.collection('things').add({ data: { _id: 's1', a: 1, b: 2 } });
  const replaced = await db.collection('things').doc('s1').set({ data: { c: 3 } });
  expect(replaced.stats).toEqual({ updated: 1, created: 0 });
  expect(await read('things', 's1')).toEqual({ _id: 's1', c: 3 });
  const created = await db.collection('things').doc('s2').set({ data: { d: 4 } });
  expect(created.stats).toEqual({ updated: 0, created: 1 });
  expect(await read('things', 's2')).toEqual({ _id: 's2', d: 4 });
});

test('where().update() updates every match; remove() removes them', async () => {
  const _ = db.command;
  await db.collection('orders').add({ data: [1, 2, 3, 4, 5].map((n) => ({ n, kind: 'multi' })) });
  const updated = await db.collection('orders').where({ kind: 'multi', n: _.gt(2) }).update({ data: { big: true } });
  expect(updated.stats.updated).toBe(3);
  expect((await db.collection('orders').where({ kind: 'multi', big: true }).count()).total).toBe(3);
  const removed = await db.collection('orders').where({ kind: 'multi', big: true }).remove();
  expect(removed.stats.removed).toBe(3);
  expect((await db.collection('orders').where({ kind: 'multi' }).count()).total).toBe(2);
});

test('an upsert with nothing matched inserts the query equalities plus the update', async () => {
  const reply = await modifyDocument({
    collectionName: 'things',
    queryType: 'WHERE',
    query: JSON.stringify({ kind: 'upserted', day: '2024-05-01' }),
    data: JSON.stringify({ $inc: { hits: 1 } }),
    multi: false,
    merge: true,
    upsert: true,
  });
  const id = (reply.data as { upsert_id: string }).upsert_id;
  expect(id).toMatch(/^[0-9a-f]{32}$/);
  expect(await read('things', id)).toEqual({ _id: id, kind: 'upserted', day: '2024-05-01', hits: 1 });
  const again = await modifyDocument({
    collectionName: 'things',
    queryType: 'WHERE',
    query: JSON.stringify({ kind: 'upserted', day: '2024-05-01' }),
    data: JSON.stringify({ $inc: { hits: 1 } }),
    multi: false,
    merge: true,
    upsert: true,
  });
  expect(again.data).toEqual({ updated: 1 });
  expect((await read('things', id)).hits).toBe(2);
});

test('db.serverDate() is the server clock plus the offset', async () => {
  const before = Date.now();
  const { _id } = (await db.collection('things').add({ data: { at: db.serverDate(), later: db.serverDate({ offset: 60_000 }) } })) as { _id: string };
  const doc = await read('things', _id);
  expect(doc.at).toBeInstanceOf(Date);
  expect((doc.at as Date).getTime()).toBeGreaterThanOrEqual(before);
  expect((doc.later as Date).getTime() - (doc.at as Date).getTime()).toBe(60_000);
});

test('generated ids are 32 hex characters', async () => {
  const { _id } = (await db.collection('things').add({ data: { x: 1 } })) as { _id: string };
  expect(_id).toMatch(/^[0-9a-f]{32}$/);
});

describe('unique indexes', () => {
  test('an insert or update that repeats a unique key is refused with E11000', async () => {
    const _ = db.command;
    await db.collection('badges').add({ data: { _id: 'b1', orgId: 'o1', code: 'gold' } });
    await db.collection('badges').add({ data: { _id: 'b2', orgId: 'o2', code: 'gold' } });
    await expect(db.collection('badges').add({ data: { orgId: 'o1', code: 'gold' } })).rejects.toMatchObject({
      errCode: -502001,
      errMsg: expect.stringContaining('E11000 duplicate key error collection: badges index: orgId_1_code_1'),
    });
    await expect(db.collection('badges').doc('b2').update({ data: { orgId: 'o1' } })).rejects.toThrow(/E11000/);
    // Two documents of one multi-update would collide with each other: none of it is applied.
    await expect(db.collection('badges').where({ _id: _.in(['b1', 'b2']) }).update({ data: { orgId: 'o3' } })).rejects.toThrow(/E11000/);
    expect((await read('badges', 'b2')).orgId).toBe('o2');
    expect((await db.collection('badges').where({ orgId: 'o3' }).count()).total).toBe(0);
    await db.collection('badges').where({ _id: _.in(['b1', 'b2']) }).update({ data: { code: 'silver' } });
    expect((await db.collection('badges').where({ code: 'silver' }).count()).total).toBe(2);
  });

  test('a repeated _id is refused', async () => {
    await db.collection('badges').add({ data: { _id: 'same', orgId: 'o9', code: 'a' } });
    await expect(db.collection('badges').add({ data: { _id: 'same', orgId: 'o9', code: 'b' } })).rejects.toThrow(/E11000.*_id_/);
  });
});

describe('collections', () => {
  test('a collection that does not exist fails like CloudBase (-502005)', async () => {
    await expect(db.collection('nope').get()).rejects.toMatchObject({ errCode: -502005, errMsg: expect.stringContaining('Db or Table not exist') });
    await expect(db.collection('nope').add({ data: { a: 1 } })).rejects.toMatchObject({ errCode: -502005 });
  });

  test('createCollection makes a collection once', async () => {
    await db.createCollection('made_here');
    await db.collection('made_here').add({ data: { a: 1 } });
    expect((await db.collection('made_here').count()).total).toBe(1);
    await expect(db.createCollection('made_here')).rejects.toThrow(/exist/);
  });
});
