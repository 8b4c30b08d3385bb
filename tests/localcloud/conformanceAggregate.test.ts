import type { LocalCloud } from '../../localcloud';
import { connectSdk, startTestCloud, stopTestCloud, type Db } from './helpers/testCloud';

// Aggregation through the real wx-server-sdk (stages travel as EJSON; mingo runs the pipeline).
let localCloud: (LocalCloud & { dataDir: string }) | undefined;
let db: Db;

beforeAll(async () => {
  localCloud = await startTestCloud();
  ({ db } = connectSdk(localCloud));
  await db.collection('customers').add({
    data: [
      { _id: 'c1', name: 'Li' },
      { _id: 'c2', name: 'Wang' },
      { _id: 'c3', name: 'Zhao' },
    ],
  });
  await db.collection('orders').add({
    data: [
      { _id: 'o1', customerId: 'c1', amount: 10, at: new Date('2024-01-05T00:00:00Z') },
      { _id: 'o2', customerId: 'c2', amount: 30, at: new Date('2024-02-05T00:00:00Z') },
      { _id: 'o3', customerId: 'c1', amount: 25, at: new Date('2024-03-05T00:00:00Z') },
      { _id: 'o4', customerId: 'c3', amount: 5, at: new Date('2024-03-06T00:00:00Z') },
    ],
  });
});

afterAll(() => stopTestCloud(localCloud));

test('group then sort totals per customer', async () => {
  const $ = db.command.aggregate;
  const { list } = await db
    .collection('orders')
    .aggregate()
    .group({ _id: '$customerId', total: $.sum('$amount'), orders: $.sum(1) })
    .sort({ total: -1 })
    .end();
  expect(list).toEqual([
    { _id: 'c1', total: 35, orders: 2 },
    { _id: 'c2', total: 30, orders: 1 },
    { _id: 'c3', total: 5, orders: 1 },
  ]);
});

test('lookup joins another collection', async () => {
  const { list } = await db
    .collection('orders')
    .aggregate()
    .match({ _id: 'o2' })
    .lookup({ from: 'customers', localField: 'customerId', foreignField: '_id', as: 'customer' })
    .project({ _id: 1, customer: 1 })
    .end();
  expect(list).toEqual([{ _id: 'o2', customer: [{ _id: 'c2', name: 'Wang' }] }]);
});

test('match on dates, then count', async () => {
  const _ = db.command;
  const { list } = await db
    .collection('orders')
    .aggregate()
    .match({ at: _.gte(new Date('2024-02-01T00:00:00Z')).and(_.lt(new Date('2024-03-06T00:00:00Z'))) })
    .count('n')
    .end();
  expect(list).toEqual([{ n: 2 }]);
});

test('dates survive the pipeline as Date', async () => {
  const $ = db.command.aggregate;
  const { list } = await db.collection('orders').aggregate().group({ _id: null, last: $.max('$at') }).end();
  expect((list[0] as { last: unknown }).last).toEqual(new Date('2024-03-06T00:00:00Z'));
});

test('a pipeline does not change the stored documents', async () => {
  await db.collection('orders').aggregate().addFields({ amount: 0, extra: true }).end();
  const { data } = await db.collection('orders').doc('o1').get();
  expect(data).toEqual({ _id: 'o1', customerId: 'c1', amount: 10, at: new Date('2024-01-05T00:00:00Z') });
});

test('an unknown stage is an invalid operator', async () => {
  const response = await fetch(`${(localCloud as LocalCloud).url}/admin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'database.aggregateDocuments', collectionName: 'orders', stages: [{ stageKey: '$nonsense', stageValue: '{}' }] }),
  });
  expect(await response.json()).toMatchObject({ code: 'DATABASE_INVALID_OPERRATOR' });
});
