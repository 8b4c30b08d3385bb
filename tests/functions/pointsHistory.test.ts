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
    let before: string | undefined;
    const pageSizes: number[] = [];
    for (;;) {
      const reply = await fc.call('hist-1', 'account', 'listPointsHistory', before ? { before } : {});
      if (!reply.ok) throw new Error(reply.message);
      pageSizes.push(reply.data.entries.length);
      seen.push(...reply.data.entries.map((e) => e.id));
      if (!reply.data.nextBefore) break;
      before = reply.data.nextBefore;
    }
    expect(pageSizes).toEqual([20, 20, 5]);
    expect(new Set(seen).size).toBe(45);
    expect(seen[0]).toBe('hist-1|reading|story-44');
    expect(seen[44]).toBe('hist-1|reading|story-0');
    expect(seen.every((id) => id.startsWith('hist-1|'))).toBe(true);
  });

  test('a worker with no points gets an empty first page', async () => {
    const reply = await fc.call('hist-3', 'account', 'listPointsHistory', {});
    expect(reply).toEqual({ ok: true, data: { entries: [], nextBefore: null } });
  });

  test('a malformed cursor is refused', async () => {
    const reply = await fc.call('hist-3', 'account', 'listPointsHistory', { before: { $gt: '' } } as never);
    expect(reply.ok).toBe(false);
  });
});
