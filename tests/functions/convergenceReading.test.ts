import { heartbeatSlotSeconds } from '../../server/domain/reading/readingTime';
import { convergenceWorld, expectConvergence, untagged } from './harness/convergence';

// Reading's multi-step actions die after each step in turn, are retried, and must leave what a
// run without a fault leaves: the check-in, the ledger entry and the boards, once each.
const world = convergenceWorld(240_000);
const { all } = world;

/**
 * Waits until the reading clock's slot has at least 10 s left, so a call and its retry fall in one
 * slot (a retry in the next slot is new reading time, rightly counted, and no longer a repeat).
 */
async function awayFromSlotEdge(): Promise<void> {
  const slotMs = heartbeatSlotSeconds * 1000;
  const left = slotMs - (Date.now() % slotMs);
  if (left < 10_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
}

test('a check-in that dies after any step converges on its retry: one check-in, its points once on every board', async () => {
  const worker = (tag: string) => `cv-ci-${tag}`;
  const steps = await expectConvergence(world.fc.cloud, {
    functionName: 'reading',
    action: 'checkIn',
    setup: async (tag) => {
      await world.fc.call(worker(tag), 'account', 'updateProfile', { nickname: '卓玛' });
      await world.db.collection('users').doc(worker(tag)).update({ data: { orgId: 'qh-haixi' } });
    },
    call: (tag) => world.fc.call(worker(tag), 'reading', 'checkIn', {}),
    // The retry of a check-in that landed is told it was already done; what counts is the state.
    answer: (result) => (result.ok ? { ok: true, points: result.data.points, streak: result.data.streak } : result),
    state: async (tag) =>
      untagged({ checkins: (await all('reading_checkins', { openid: worker(tag) })).map(({ streak }) => streak), ...(await world.points(worker(tag))) }, worker(tag)),
  });
  expect(steps).toBeGreaterThan(5);
});

test('a heartbeat that reads a story through and dies after any step converges: the seconds once, the reading points once', async () => {
  const story = 'labor-01';
  const worker = (tag: string) => `cv-hb-${tag}`;
  const steps = await expectConvergence(world.fc.cloud, {
    functionName: 'reading',
    action: 'heartbeat',
    setup: async (tag) => {
      await world.fc.call(worker(tag), 'account', 'updateProfile', { nickname: '卓玛' });
      const opened = await world.fc.call(worker(tag), 'reading', 'openStory', { storyId: story });
      if (!opened.ok) throw new Error(opened.message);
      // Ten seconds short of reading it through: the next heartbeat finishes the story.
      const needed = Math.max(1, opened.data.readingMinutes) * 60;
      const id = `${worker(tag)}:${story}`;
      await world.db.collection('reading_progress').doc(id).set({ data: { openid: worker(tag), storyId: story, paragraph: 0, offset: 0, secondsRead: needed - 10, updatedAt: new Date() } });
      await awayFromSlotEdge();
    },
    call: (tag) => world.fc.call(worker(tag), 'reading', 'heartbeat', { storyId: story }),
    answer: (result) => result.ok,
    state: async (tag) => {
      const progress = await all('reading_progress', { openid: worker(tag) });
      return untagged({ seconds: progress.map((p) => [p.secondsRead, p.awardPending ?? false]), ...(await world.points(worker(tag))) }, worker(tag));
    },
  });
  expect(steps).toBeGreaterThan(5);
});

test('a reflection written and then moderated, each dying after any step, converges: one reflection, one decision, one audit entry', async () => {
  const author = (tag: string) => `cv-rf-${tag}`;
  const moderator = (tag: string) => `cv-rf-admin-${tag}`;
  const story = 'labor-01';
  const clientRequestId = (tag: string) => `rf-${tag}`.padEnd(8, '0');
  const reflectionOf = async (tag: string) => (await all('reflections', { openid: author(tag) })).map(({ _id, status, text }) => ({ _id, status, text }));
  const written = await expectConvergence(world.fc.cloud, {
    functionName: 'reading',
    action: 'writeReflection',
    setup: async (tag) => {
      await world.fc.call(author(tag), 'account', 'updateProfile', { nickname: '卓玛' });
    },
    call: (tag) => world.fc.call(author(tag), 'reading', 'writeReflection', { storyId: story, text: '读完很受触动,向劳模学习。', clientRequestId: clientRequestId(tag) }),
    answer: (result, tag) => untagged(result.ok ? { ...result.data, id: 'ID', createdAt: 'T' } : result, tag),
    state: async (tag) => untagged((await reflectionOf(tag)).map((r) => ({ ...r, _id: 'ID' })), tag),
  });
  expect(written).toBeGreaterThan(1);

  const ids = new Map<string, string>();
  const moderated = await expectConvergence(world.fc.cloud, {
    functionName: 'reading',
    action: 'moderateReflection',
    setup: async (tag) => {
      await world.db.collection('roles').add({ data: { openid: moderator(tag), role: 'admin', orgId: null, grantedBy: 'test', grantedAt: new Date() } });
      const reply = await world.fc.call(author(`m${tag}`), 'reading', 'writeReflection', { storyId: story, text: '读完很受触动,向劳模学习。', clientRequestId: clientRequestId(tag) });
      if (!reply.ok) throw new Error(reply.message);
      ids.set(tag, reply.data.id);
    },
    call: (tag) => world.fc.call(moderator(tag), 'reading', 'moderateReflection', { reflectionId: ids.get(tag) as string, decision: 'approve' }),
    // A retry after the decision landed is told it was decided already: the status must agree.
    answer: (result) => (result.ok ? result.data.status : result),
    state: async (tag) => {
      const id = ids.get(tag) as string;
      const status = (await all('reflections', { _id: id })).map((r) => r.status);
      const audited = (await all('audit_log', { target: id })).map((a) => a.action);
      return { status, audited };
    },
  });
  expect(moderated).toBeGreaterThan(3);
});
