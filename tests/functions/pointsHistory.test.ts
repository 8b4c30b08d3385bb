import { connectSdk } from '../localcloud/helpers/testCloud';
import { startFunctionCloud, type FunctionCloud } from './harness/functionCloud';

jest.setTimeout(60000);

let fc: FunctionCloud;

beforeAll(async () => {
  fc = await startFunctionCloud();
});

afterAll(async () => {
  await fc?.close();
});

async function writeLedger(openid: string, count: number): Promise<void> {
  const { db } = connectSdk(fc.cloud);
  const start = Date.UTC(2026, 10, 1, 0, 0, 0);
  for (let i = 0; i < count; i += 1) {
    const createdAt = new Date(start + i * 60000);
    await db.collection('points_ledger').add({ data: { _id: `${openid}|reading|story-${i}`, openid, source: i % 2 ? 'reading' : 'quiz-daily', sourceId: `story-${i}`, points: 1 + (i % 5), asked: 1 + (i % 5), day: '2026-11-01', week: '2026-W44', createdAt } });
  }
}

describe('points history', () => {
  test('a worker pages through their whole ledger newest first, 20 at a time, and sees nobody else’s', async () => {
    await writeLedger('hist-1', 45);
    await writeLedger('hist-2', 3);
    const seen: string[] = [];
    let cursor: string | undefined;
    const pageSizes: number[] = [];
    for (;;) {
      const reply = await fc.call('hist-1', 'account', 'listPointsHistory', cursor ? { cursor } : {});
      if (!reply.ok) throw new Error(reply.message);
      pageSizes.push(reply.data.entries.length);
      seen.push(...reply.data.entries.map((e) => e.id));
      if (!reply.data.nextCursor) break;
      cursor = reply.data.nextCursor;
    }
    expect(pageSizes).toEqual([20, 20, 5]);
    expect(new Set(seen).size).toBe(45);
    expect(seen[0]).toBe('hist-1|reading|story-44');
    expect(seen[44]).toBe('hist-1|reading|story-0');
    expect(seen.every((id) => id.startsWith('hist-1|'))).toBe(true);
  });

  test('a worker with no points gets an empty first page', async () => {
    const reply = await fc.call('hist-3', 'account', 'listPointsHistory', {});
    expect(reply).toEqual({ ok: true, data: { entries: [], nextCursor: null } });
  });

  test('paging the ledger loses none when two awards in the same millisecond fall on either side of a page break', async () => {
    const { db } = connectSdk(fc.cloud);
    // 21 entries, newest first, so the 20th and 21st (same millisecond) straddle the first page break of 20.
    const base = Date.UTC(2026, 10, 2);
    const ids = Array.from({ length: 21 }, (_, i) => `hist-tie|reading|s-${String(20 - i).padStart(2, '0')}`);
    for (const [i, id] of ids.entries()) {
      await db.collection('points_ledger').add({ data: { _id: id, openid: 'hist-tie', source: 'reading', sourceId: `s-${i}`, points: 1, asked: 1, day: '2026-11-02', week: '2026-W45', createdAt: new Date(base - Math.min(i, 19) * 1000) } });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 5; pages += 1) {
      const reply = await fc.call('hist-tie', 'account', 'listPointsHistory', cursor ? { cursor } : {});
      if (!reply.ok) throw new Error(reply.message);
      seen.push(...reply.data.entries.map((e) => e.id));
      if (!reply.data.nextCursor) break;
      cursor = reply.data.nextCursor;
    }
    // Newest first, and the id (descending) orders those awarded in the same millisecond.
    expect(seen).toEqual(ids);
  });

  test('a malformed cursor is refused', async () => {
    const reply = await fc.call('hist-3', 'account', 'listPointsHistory', { cursor: { $gt: '' } } as never);
    expect(reply.ok).toBe(false);
  });
});
