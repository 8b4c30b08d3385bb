import { connectSdk, type Db } from '../localcloud/helpers/testCloud';
import { startFunctionCloud, type FunctionCloud } from '../functions/harness/functionCloud';
import type { Database } from '../../server/db/database';
import { migrateContestTallies } from '../../scripts/migrations/contestTallies';

jest.setTimeout(90_000);

let fc: FunctionCloud;
let db: Db;
const admin = 'mig-ct-admin';

beforeAll(async () => {
  fc = await startFunctionCloud();
  db = connectSdk(fc.cloud).db;
  await db.collection('roles').add({ data: { openid: admin, role: 'admin', orgId: null, grantedBy: 'test', grantedAt: new Date() } });
  const at = new Date('2026-11-01T00:00:00Z');
  for (const id of ['mig-old', 'mig-empty']) {
    await db.collection('contests').add({ data: { _id: id, title: '往期竞赛', startsAt: at, endsAt: new Date(at.getTime() + 86_400_000), histories: ['party'], questionCount: 5, timeLimitSeconds: 300, orgIds: ['qh'], createdBy: admin, createdAt: at } });
  }
});

afterAll(async () => {
  await fc?.close();
});

/** An entry as submissions wrote it before participation was kept (no `tallied`), or with the given mark. */
const entry = (openid: string, orgId: string | null, paperScore: number, tallied?: boolean) => ({
  _id: `contest:mig-old|${openid}`,
  boardKey: 'contest:mig-old',
  openid,
  orgId,
  nickname: openid,
  score: paperScore * 10_000 + 9_000,
  paperScore,
  timeUsedSeconds: 999,
  ...(tallied === undefined ? {} : { tallied }),
});

async function rows(): Promise<unknown> {
  const reply = await fc.call(admin, 'quiz', 'getContestParticipation', { contestId: 'mig-old' });
  if (!reply.ok) throw new Error(reply.message);
  return reply.data.rows.map(({ orgId, participants, averageScore }) => [orgId, participants, averageScore]);
}

test('entries of contests run before the tallies are counted once by organisation; a run that died half way and a second run add nothing twice', async () => {
  // 1,100 old entries (more than a page of the migration): 西宁 700, 海东 399, none 1.
  const old = Array.from({ length: 1100 }, (_, i) => entry(`mig-w${i}`, i < 700 ? 'qh-xining' : i < 1099 ? 'qh-haidong' : null, i % 2 === 0 ? 100 : 50));
  // One counted by its submission already (in the tally, marked), one whose submission died after counting, before its mark.
  const counted = entry('mig-counted', 'qh-haixi', 80, true);
  const halfway = entry('mig-halfway', 'qh-haixi', 40, false);
  for (let i = 0; i < old.length; i += 500) await db.collection('leaderboards').add({ data: old.slice(i, i + 500) });
  await db.collection('leaderboards').add({ data: [counted, halfway] });
  await db.collection('contest_tallies').add({ data: { _id: 'mig-old|qh-haixi', contestId: 'mig-old', orgId: 'qh-haixi', participants: 2, scoreSum: 120, done: ['mig-counted', 'mig-halfway'] } });
  expect(await rows()).toEqual([['qh-haixi', 2, 60]]);

  const report = await migrateContestTallies(db as unknown as Database, 'script:ops', new Date());
  expect(report).toEqual({ ran: true, contests: 1, tallied: 1101 });
  const expected = [
    ['qh-xining', 700, 75],
    ['qh-haidong', 399, 75],
    ['qh-haixi', 2, 60],
    [null, 1, 50],
  ];
  expect(await rows()).toEqual(expected);
  const { total } = await db.collection('leaderboards').where({ boardKey: 'contest:mig-old', tallied: db.command.neq(true) }).count();
  expect(total).toBe(0);

  // The marker stops a second run; a forced one finds every entry counted and changes nothing.
  expect(await migrateContestTallies(db as unknown as Database, 'script:ops', new Date())).toEqual({ ran: false, contests: 0, tallied: 0 });
  expect(await migrateContestTallies(db as unknown as Database, 'script:ops', new Date(), { force: true })).toEqual({ ran: true, contests: 0, tallied: 0 });
  expect(await rows()).toEqual(expected);
});

test('a migration that dies after counting a page, before marking it, is finished by the next run without counting it twice', async () => {
  const contestId = 'mig-died';
  const at = new Date('2026-11-02T00:00:00Z');
  await db.collection('contests').add({ data: { _id: contestId, title: '往期竞赛二', startsAt: at, endsAt: new Date(at.getTime() + 86_400_000), histories: ['party'], questionCount: 5, timeLimitSeconds: 300, orgIds: ['qh'], createdBy: admin, createdAt: at } });
  const entries = Array.from({ length: 30 }, (_, i) => ({ ...entry(`mig-d${i}`, i < 20 ? 'qh-yushu' : 'qh-guoluo', 60), _id: `contest:${contestId}|mig-d${i}`, boardKey: `contest:${contestId}` }));
  await db.collection('leaderboards').add({ data: entries });
  // The marks fail: the run dies after its tallies were written.
  const real = db as unknown as Database;
  const dying: Database = {
    ...real,
    command: real.command,
    collection: (name: string) => {
      const collection = real.collection(name);
      if (name !== 'leaderboards') return collection;
      return new Proxy(collection, {
        get: (target, key) =>
          key === 'where'
            ? (condition: Record<string, unknown>) => {
                const query = target.where(condition);
                return new Proxy(query, { get: (q, k) => (k === 'update' ? () => Promise.reject(new Error('died before the marks')) : (q as unknown as Record<string | symbol, unknown>)[k as string]) });
              }
            : (target as unknown as Record<string | symbol, unknown>)[key as string],
      });
    },
  } as Database;
  await expect(migrateContestTallies(dying, 'script:ops', new Date(), { force: true })).rejects.toThrow('died before the marks');
  const view = async () => {
    const reply = await fc.call(admin, 'quiz', 'getContestParticipation', { contestId });
    return reply.ok ? reply.data.rows.map(({ orgId, participants }) => [orgId, participants]) : reply;
  };
  expect(await view()).toEqual([
    ['qh-yushu', 20],
    ['qh-guoluo', 10],
  ]);
  expect(await migrateContestTallies(real, 'script:ops', new Date(), { force: true })).toMatchObject({ ran: true, tallied: 30 });
  expect(await view()).toEqual([
    ['qh-yushu', 20],
    ['qh-guoluo', 10],
  ]);
});
