import * as actions from '../../server/actions/reading';
import type { Database } from '../../server/db/database';
import type { ActionContext } from '../../server/runtime/context';
import { connectSdk } from '../localcloud/helpers/testCloud';
import { startFunctionCloud, type FunctionCloud } from './harness/functionCloud';

jest.setTimeout(60000);

/**
 * The reading actions against the seeded local cloud with the clock in the test's hands: midnight
 * in Xining and a page left open for an hour happen in milliseconds.
 */
let fc: FunctionCloud;
let db: Database;

beforeAll(async () => {
  fc = await startFunctionCloud();
  db = connectSdk(fc.cloud).db as unknown as Database;
});

afterAll(async () => {
  await fc?.close();
});

function at(openid: string, iso: string): ActionContext {
  const openApi = {
    msgSecCheck: async () => ({ suggest: 'pass' as const, label: 100 }),
    sendSubscribeMessage: async () => ({ errcode: 0, errmsg: 'ok' }),
  };
  return { openid, appid: 'test', now: new Date(iso), rng: () => 0.5, db, openApi: openApi as unknown as ActionContext['openApi'], event: {} };
}

async function ledger(openid: string): Promise<Array<Record<string, unknown>>> {
  const { data } = (await (db.collection('points_ledger').where({ openid }).limit(100).get() as Promise<{ data: unknown[] }>)) as { data: Array<Record<string, unknown>> };
  return data;
}

describe('reading check-in across Xining midnight', () => {
  test('a worker who checks in at 23:59 and again at 00:00 has a streak of two on two calendar days', async () => {
    const first = await actions.checkIn({}, at('clk-1', '2026-11-25T15:59:00Z'));
    const second = await actions.checkIn({}, at('clk-1', '2026-11-25T16:00:00Z'));
    expect(first).toMatchObject({ day: '2026-11-25', streak: 1, alreadyCheckedIn: false });
    expect(second).toMatchObject({ day: '2026-11-26', streak: 2, alreadyCheckedIn: false });
    const month = await actions.getCheckinMonth({ month: '2026-11' }, at('clk-1', '2026-11-26T02:00:00Z'));
    expect(month).toMatchObject({ days: ['2026-11-25', '2026-11-26'], streak: 2, checkedInToday: true });
  });

  test('a worker who skips a day starts the streak again, and the calendar keeps both months apart', async () => {
    await actions.checkIn({}, at('clk-2', '2026-11-29T01:00:00Z'));
    await actions.checkIn({}, at('clk-2', '2026-11-30T01:00:00Z'));
    const after = await actions.checkIn({}, at('clk-2', '2026-12-01T17:00:00Z')); // 12-02 in Xining
    expect(after).toMatchObject({ day: '2026-12-02', streak: 1 });
    expect((await actions.getCheckinMonth({ month: '2026-11' }, at('clk-2', '2026-12-01T17:00:00Z'))).days).toEqual(['2026-11-29', '2026-11-30']);
    expect((await actions.getCheckinMonth({}, at('clk-2', '2026-12-01T17:00:00Z'))).days).toEqual(['2026-12-02']);
  });
});

describe('reading time from heartbeats', () => {
  test('a page left open for an hour earns no more than twice the story’s reading time', async () => {
    const opened = await actions.openStory({ storyId: 'labor-02' }, at('clk-3', '2026-11-25T02:00:00Z'));
    const cap = opened.readingMinutes * 60 * 2;
    let last = { secondsRead: 0, capped: false };
    for (let s = 0; s < 3600; s += 30) {
      const t = new Date(Date.parse('2026-11-25T02:00:00Z') + s * 1000).toISOString();
      last = await actions.heartbeat({ storyId: 'labor-02' }, at('clk-3', t));
    }
    expect(last).toMatchObject({ secondsRead: cap, capped: true });
  });

  test('a repeated heartbeat in the same slot counts once', async () => {
    const a = await actions.heartbeat({ storyId: 'labor-03' }, at('clk-4', '2026-11-25T02:00:01Z'));
    const b = await actions.heartbeat({ storyId: 'labor-03' }, at('clk-4', '2026-11-25T02:00:29Z'));
    const c = await actions.heartbeat({ storyId: 'labor-03' }, at('clk-4', '2026-11-25T02:00:31Z'));
    expect([a.counted, b.counted, c.counted]).toEqual([true, false, true]);
    expect(c.secondsRead).toBe(60);
  });

  test('reading a story through earns reading points once, in the quiz’s ledger', async () => {
    const opened = await actions.openStory({ storyId: 'labor-04' }, at('clk-5', '2026-11-25T02:00:00Z'));
    const awards: number[] = [];
    for (let s = 0; s < opened.readingMinutes * 60 * 2 + 60; s += 30) {
      const t = new Date(Date.parse('2026-11-25T02:00:00Z') + s * 1000).toISOString();
      awards.push((await actions.heartbeat({ storyId: 'labor-04' }, at('clk-5', t))).pointsAwarded);
    }
    expect(awards.filter((p) => p > 0)).toEqual([2]);
    expect(await ledger('clk-5')).toEqual([expect.objectContaining({ source: 'reading', sourceId: 'labor-04', points: 2 })]);
  });
});

describe('one reading clock per worker', () => {
  test('heartbeats for many stories at once credit no more reading time than the time that passed', async () => {
    const { data } = (await (db.collection('stories').field({ _id: true }).limit(42).get() as Promise<{ data: Array<{ _id: string }> }>)) as { data: Array<{ _id: string }> };
    const stories = data.map((s) => s._id);
    expect(stories.length).toBeGreaterThanOrEqual(30);
    const start = Date.parse('2026-11-26T02:00:00Z');
    // 270 seconds with every story sending its heartbeat every 30 seconds, in parallel.
    for (let s = 0; s < 270; s += 30) {
      const t = new Date(start + s * 1000).toISOString();
      await Promise.all(stories.map((storyId) => actions.heartbeat({ storyId }, at('clk-many', t))));
    }
    const progress = (await (db.collection('reading_progress').where({ openid: 'clk-many' }).limit(100).get() as Promise<{ data: Array<{ secondsRead: number }> }>)) as { data: Array<{ secondsRead: number }> };
    const credited = progress.data.reduce((sum, p) => sum + p.secondsRead, 0);
    expect(credited).toBeLessThanOrEqual(270);
    expect(credited).toBeGreaterThan(0);
  });
});
