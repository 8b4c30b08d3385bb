import { connectSdk, type Db } from '../localcloud/helpers/testCloud';
import { expectConvergence, untagged } from './harness/convergence';
import { startFunctionCloud, type FunctionCloud } from './harness/functionCloud';

// Reading's multi-step actions die after each step in turn, are retried, and must leave what a
// run without a fault leaves: the check-in, the ledger entry and the boards, once each.
jest.setTimeout(240_000);

let fc: FunctionCloud;
let db: Db;

beforeAll(async () => {
  fc = await startFunctionCloud();
  ({ db } = connectSdk(fc.cloud));
});

afterAll(async () => {
  await fc?.close();
});

async function all(collection: string, where: Record<string, unknown>): Promise<Array<Record<string, unknown>>> {
  const { data } = (await db.collection(collection).where(where).limit(1000).get()) as { data: Array<Record<string, unknown>> };
  return data;
}

/** The worker's points as they stand: ledger entries, caps and board scores (no times, no award marks). */
async function points(openid: string): Promise<unknown> {
  const ledger = (await all('points_ledger', { openid })).map(({ source, sourceId, points: awarded, boardsPending }) => ({ source, sourceId, points: awarded, boardsPending }));
  const caps = (await all('points_caps', { openid })).map(({ source, total }) => ({ source, total }));
  const boards = (await all('board_entries', { openid })).map(({ _id, dayScore, weekScore, allScore }) => ({ _id, dayScore, weekScore, allScore })).sort((a, b) => String(a._id).localeCompare(String(b._id)));
  return { ledger, caps, boards };
}


test('a check-in that dies after any step converges on its retry: one check-in, its points once on every board', async () => {
  const worker = (tag: string) => `cv-ci-${tag}`;
  const steps = await expectConvergence(fc.cloud, {
    functionName: 'reading',
    action: 'checkIn',
    setup: async (tag) => {
      await fc.call(worker(tag), 'account', 'updateProfile', { nickname: '卓玛' });
      await db.collection('users').doc(worker(tag)).update({ data: { orgId: 'qh-haixi' } });
    },
    call: (tag) => fc.call(worker(tag), 'reading', 'checkIn', {}),
    // The retry of a check-in that landed is told it was already done; what counts is the state.
    answer: (result) => (result.ok ? { ok: true, points: result.data.points, streak: result.data.streak } : result),
    state: async (tag) =>
      untagged({ checkins: (await all('reading_checkins', { openid: worker(tag) })).map(({ streak }) => streak), ...((await points(worker(tag))) as object) }, worker(tag)),
  });
  expect(steps).toBeGreaterThan(5);
});

test('a heartbeat that reads a story through and dies after any step converges: the seconds once, the reading points once', async () => {
  const story = 'labor-01';
  const worker = (tag: string) => `cv-hb-${tag}`;
  const steps = await expectConvergence(fc.cloud, {
    functionName: 'reading',
    action: 'heartbeat',
    setup: async (tag) => {
      await fc.call(worker(tag), 'account', 'updateProfile', { nickname: '卓玛' });
      const opened = await fc.call(worker(tag), 'reading', 'openStory', { storyId: story });
      if (!opened.ok) throw new Error(opened.message);
      // Ten seconds short of reading it through: the next heartbeat finishes the story.
      const needed = Math.max(1, opened.data.readingMinutes) * 60;
      const id = `${worker(tag)}:${story}`;
      await db.collection('reading_progress').doc(id).set({ data: { openid: worker(tag), storyId: story, paragraph: 0, offset: 0, secondsRead: needed - 10, updatedAt: new Date() } });
    },
    call: (tag) => fc.call(worker(tag), 'reading', 'heartbeat', { storyId: story }),
    answer: (result) => result.ok,
    state: async (tag) => {
      const progress = await all('reading_progress', { openid: worker(tag) });
      return untagged({ seconds: progress.map((p) => [p.secondsRead, p.awardPending ?? false]), ...((await points(worker(tag))) as object) }, worker(tag));
    },
  });
  expect(steps).toBeGreaterThan(5);
});
