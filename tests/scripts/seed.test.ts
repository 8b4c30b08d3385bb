import tcb from '@cloudbase/node-sdk';
import { seedLocalCloud } from '../../scripts/localSession';
import { backfillRequestStats, type SeedDb } from '../../scripts/seed/backfillRequestStats';
import { connectSdk } from '../localcloud/helpers/testCloud';
import { startFunctionCloud, type FunctionCloud } from '../functions/harness/functionCloud';
import { requestForm } from '../functions/harness/requestForm';

// npm run seed (and npm start, which seeds) against a cloud where editors and workers have been at work.
jest.setTimeout(180000);

let fc: FunctionCloud;
let seedDb: SeedDb;

beforeAll(async () => {
  fc = await startFunctionCloud();
  const { db } = connectSdk(fc.cloud);
  await db.collection('roles').add({ data: { openid: 'sd-editor', role: 'editor', orgId: null, grantedBy: 'setup', grantedAt: new Date() } });
  await db.collection('roles').add({ data: { openid: 'sd-cadre', role: 'cadre', orgId: 'qh-xining', grantedBy: 'setup', grantedAt: new Date() } });
  process.env.TENCENTCLOUD = 'true';
  seedDb = tcb.init({ env: fc.cloud.envId, secretId: 'local', secretKey: 'local', keepalive: false, serviceUrl: `${fc.cloud.url}/admin` } as Parameters<typeof tcb.init>[0]).database() as unknown as SeedDb;
});

afterAll(async () => {
  await fc?.close();
});

function ok<T>(result: { ok: true; data: T } | { ok: false; code: string; message: string }): T {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.data;
}

async function docOf(collection: string, id: string): Promise<Record<string, unknown> | undefined> {
  const { data } = (await connectSdk(fc.cloud).db.collection(collection).where({ _id: id }).get()) as { data: Array<Record<string, unknown>> };
  return data[0];
}

async function stats(): Promise<Record<string, Record<string, unknown>>> {
  const { data } = (await connectSdk(fc.cloud).db.collection('request_stats').limit(1000).get()) as { data: Array<Record<string, unknown>> };
  // Zero counters are what live counting leaves behind; they count nothing. rev only marks changes.
  return Object.fromEntries(data.map(({ _id, rev: _rev, ...d }) => [String(_id), Object.fromEntries(Object.entries(d).filter(([k, v]) => k === 'filed' || v !== 0))]));
}

/** The seed database, but the first time the rebuild has read requests, `change` runs before the rebuild goes on. */
function interleaved(db: SeedDb, change: () => Promise<void>): SeedDb {
  let done = false;
  type Query = Record<string, (...args: unknown[]) => unknown>;
  const wrap = (query: Query): Query =>
    new Proxy(query, {
      get(target, prop) {
        const method = target[prop as string] as ((...args: unknown[]) => unknown) | undefined;
        if (prop === 'get' && method) {
          return async () => {
            const reply = await method.call(target);
            if (!done) {
              done = true;
              await change();
            }
            return reply;
          };
        }
        if (['where', 'orderBy', 'limit', 'field'].includes(String(prop)) && method) return (...args: unknown[]) => wrap(method.apply(target, args) as Query);
        return typeof method === 'function' ? method.bind(target) : method;
      },
    });
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'collection') return (name: string) => (name === 'requests' ? wrap(target.collection(name) as unknown as Query) : target.collection(name));
      const value = (target as unknown as Record<string | symbol, unknown>)[prop];
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as SeedDb;
}

describe('seeding again', () => {
  test('keeps what editors changed in the console and what workers added, and puts back a missing document', async () => {
    const story = ok(await fc.call('sd-editor', 'reading', 'getEditableStory', { storyId: 'labor-01' }));
    const { id, readingMinutes: _m, orgId: _o, orgName: _n, published: _p, editable: _e, coverFileId: _c, coverUrl: _cu, audioFileId: _a, audioUrl: _au, coverCheck: _cc, audioCheck: _ac, updatedAt: _u, ...fields } = story;
    ok(await fc.call('sd-editor', 'reading', 'saveStory', { id, ...fields, title: '编辑改过的标题' }));
    ok(await fc.call('sd-editor', 'quiz', 'setQuestionRetired', { id: 'party-001', retired: true }));
    ok(await fc.call('sd-worker', 'reading', 'setLike', { storyId: 'labor-02', liked: true }));
    await connectSdk(fc.cloud).db.collection('questions').doc('party-002').remove();

    await seedLocalCloud(fc.cloud.url, fc.cloud.envId);

    expect(await docOf('stories', 'labor-01')).toMatchObject({ title: '编辑改过的标题', updatedBy: 'sd-editor' });
    expect(await docOf('questions', 'party-001')).toMatchObject({ retired: true, updatedBy: 'sd-editor' });
    // Not edited: brought up to date with data/ but its likes kept.
    expect(await docOf('stories', 'labor-02')).toMatchObject({ likes: 1 });
    expect(await docOf('questions', 'party-002')).toMatchObject({ history: 'party' });
    expect(ok(await fc.call('sd-worker', 'reading', 'openStory', { storyId: 'labor-01' })).title).toBe('编辑改过的标题');
  });
});

describe('the desk counters backfill', () => {
  test('rebuilds from the requests exactly the counters live counting produced; a second run changes nothing; a request filed before the counters is counted', async () => {
    const filed = [ok(await fc.call('sd-w1', 'requests', 'submit', requestForm())), ok(await fc.call('sd-w2', 'requests', 'submit', requestForm({ title: '驿站缺少饮水机' })))];
    const first = filed[0]?.id as string;
    ok(await fc.call('sd-cadre', 'requests', 'accept', { requestId: first }));
    ok(await fc.call('sd-cadre', 'requests', 'resolve', { requestId: first, note: '已协调用工单位支付工资。' }));
    ok(await fc.call('sd-w1', 'requests', 'rate', { requestId: first, stars: 5 }));
    const live = await stats();
    expect(Object.values(live).reduce((n, d) => n + Number(d.filed), 0)).toBe(2);

    // The seed ran the backfill once already (nothing to change then); wipe the counters and run it again.
    for (const id of Object.keys(live)) await connectSdk(fc.cloud).db.collection('request_stats').doc(id).remove();
    expect(await backfillRequestStats(seedDb, new Date())).toMatchObject({ ran: false });
    expect(await backfillRequestStats(seedDb, new Date(), { force: true })).toMatchObject({ ran: true, requests: 2, written: Object.keys(live).length, removed: 0 });
    expect(await stats()).toEqual(live);
    expect(await backfillRequestStats(seedDb, new Date(), { force: true })).toMatchObject({ ran: true, written: 0, removed: 0 });
    expect(await stats()).toEqual(live);

    // A request stored before counting existed: counted by the backfill, once.
    const { db } = connectSdk(fc.cloud);
    const old = (await db.collection('requests').doc(first).get()) as { data: Record<string, unknown> };
    const { _id, ...copy } = Array.isArray(old.data) ? (old.data[0] as Record<string, unknown>) : old.data;
    await db.collection('requests').add({ data: { ...copy, _id: 'pre-counters-1', clientRequestId: 'pre-counters-1' } });
    await backfillRequestStats(seedDb, new Date(), { force: true });
    await backfillRequestStats(seedDb, new Date(), { force: true });
    const after = await stats();
    const key = Object.keys(live).find((k) => Number(live[k]?.resolved ?? 0) === 1) as string;
    expect(after[key]).toMatchObject({ filed: Number(live[key]?.filed) + 1, resolved: 2, rated: 2 });
  });

  test('a request changed while the rebuild runs is counted: the rebuild does not write over the change, it rebuilds that document again', async () => {
    const filed = ok(await fc.call('sd-w3', 'requests', 'submit', requestForm({ title: '工地午休场所不足' })));
    const { db } = connectSdk(fc.cloud);
    for (const id of Object.keys(await stats())) await db.collection('request_stats').doc(id).remove();
    // The cadre accepts the request after the rebuild has read it as 待受理, before the rebuild writes.
    const report = await backfillRequestStats(interleaved(seedDb, async () => void ok(await fc.call('sd-cadre', 'requests', 'accept', { requestId: filed.id }))), new Date(), { force: true });
    expect(report).toMatchObject({ ran: true });
    expect(report.unsettled ?? 0).toBe(0);
    const counters = await stats();
    const accepted = Object.values(counters).reduce((n, d) => n + Number(d.st_accepted ?? 0), 0);
    expect(accepted).toBeGreaterThanOrEqual(1);
    // Nothing left to correct: the counters are what the requests say now.
    expect(await backfillRequestStats(seedDb, new Date(), { force: true })).toMatchObject({ written: 0, removed: 0 });
    expect(await stats()).toEqual(counters);
  });
});
