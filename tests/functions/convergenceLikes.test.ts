import { convergenceWorld, expectConvergence, untagged } from './harness/convergence';

// A like moves the story's counter in a step after the vote: whatever step a call dies at, its
// retry must leave the counter equal to the like documents and the vote as last asked.
const world = convergenceWorld(240_000);
const { all } = world;

/** Each run gets a story of its own (story ids have the seed's shape; the seed stops well below 60). */
const storyIds = new Map<string, string>();
let storiesMade = 0;
const storyOf = (tag: string): string => storyIds.get(tag) ?? '';
/** Runs of different tests share tags: each run's setup makes the tag's story anew. */
const freshStory = (tag: string): string => {
  storiesMade += 1;
  storyIds.set(tag, `qinghai-${60 + storiesMade}`);
  return storyOf(tag);
};

/** A story of the run's own, liked already by someone else (a like document of the older shape). */
async function ownStory(tag: string, likedBy: string[]): Promise<void> {
  const storyId = freshStory(tag);
  await world.db.collection('stories').doc(storyId).set({
    data: { title: '测试故事', theme: 'labor', era: '新时代', year: 2020, summary: '测试', keywords: [], paragraphs: ['第一段。'], sources: [], readingMinutes: 1, likes: likedBy.length },
  });
  for (const openid of likedBy) await world.db.collection('story_likes').doc(`${openid}:${storyId}`).set({ data: { openid, storyId, createdAt: new Date() } });
}

async function likeState(tag: string): Promise<unknown> {
  const storyId = storyOf(tag);
  const [story] = await all('stories', { _id: storyId });
  const votes = (await all('story_likes', { storyId }))
    .map(({ _id, liked, pending }) => ({ _id, liked: liked ?? true, pending: pending ?? null }))
    .sort((a, b) => String(a._id).localeCompare(String(b._id)));
  return untagged(JSON.parse(JSON.stringify({ likes: story?.likes, votes }).split(storyId).join('STORY')), tag);
}

test('a like that dies after any step converges on its retry: the counter equals the like documents', async () => {
  const worker = (tag: string) => `cv-like-${tag}`;
  const steps = await expectConvergence(world.fc.cloud, {
    functionName: 'reading',
    action: 'setLike',
    setup: (tag) => ownStory(tag, [`cv-like-other-${tag}`]),
    call: (tag) => world.fc.call(worker(tag), 'reading', 'setLike', { storyId: storyOf(tag), liked: true }),
    state: likeState,
  });
  expect(steps).toBeGreaterThanOrEqual(4);
  expect(await likeState('clean')).toMatchObject({ likes: 2 });
});

test('an unlike (of a like of the older shape) that dies after any step converges on its retry', async () => {
  const worker = (tag: string) => `cv-unlike-${tag}`;
  const steps = await expectConvergence(world.fc.cloud, {
    functionName: 'reading',
    action: 'setLike',
    setup: (tag) => ownStory(tag, [`cv-like-other-${tag}`, worker(tag)]),
    call: (tag) => world.fc.call(worker(tag), 'reading', 'setLike', { storyId: storyOf(tag), liked: false }),
    state: likeState,
  });
  expect(steps).toBeGreaterThanOrEqual(4);
  expect(await likeState('clean')).toMatchObject({ likes: 1 });
});

test('a like and an unlike that die, then a burst of likes and unlikes, leave the counter right and each vote as last asked', async () => {
  const tag = 'burst';
  await ownStory(tag, []);
  const storyId = storyOf(tag);
  const workers = Array.from({ length: 4 }, (_, i) => `cv-burst-${i}`);
  // Each worker's first change dies after its vote is written, before or while the counter moves.
  for (const [i, openid] of workers.entries()) world.fc.cloud.injectFault({ functionName: 'reading', action: 'setLike', openid, failAtCall: 3 + (i % 3) });
  const calls = workers.flatMap((openid) => Array.from({ length: 10 }, (_, n) => ({ openid, liked: n % 2 === 0 })));
  const settled = await Promise.allSettled(calls.map(({ openid, liked }) => world.fc.call(openid, 'reading', 'setLike', { storyId, liked })));
  world.fc.cloud.clearFaults();
  // The calls that died reject as a crashed function does; every answer is a success.
  const answers = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  expect(answers.filter((a) => !a.ok)).toEqual([]);
  expect(settled.filter((s) => s.status === 'rejected').length).toBeLessThanOrEqual(workers.length);
  // The last word of each worker, one after the other: the first two like, the others do not.
  for (const [i, openid] of workers.entries()) expect(await world.fc.call(openid, 'reading', 'setLike', { storyId, liked: i < 2 })).toMatchObject({ ok: true });
  const votes = await all('story_likes', { storyId });
  expect(votes.map((v) => ({ openid: v.openid, liked: v.liked ?? true, pending: v.pending ?? null })).sort((a, b) => String(a.openid).localeCompare(String(b.openid)))).toEqual([
    { openid: 'cv-burst-0', liked: true, pending: null },
    { openid: 'cv-burst-1', liked: true, pending: null },
  ]);
  const [story] = await all('stories', { _id: storyId });
  expect(story?.likes).toBe(2);
  for (const [i, openid] of workers.entries()) expect(await world.fc.call(openid, 'reading', 'openStory', { storyId })).toMatchObject({ ok: true, data: { liked: i < 2, likes: 2 } });
});
