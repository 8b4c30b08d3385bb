import laborStories from '../../data/stories/labor.json';
import { connectSdk } from '../localcloud/helpers/testCloud';
import { recommendedIndex } from '../../server/domain/reading/recommendation';
import { shanghaiDay } from '../../server/domain/reading/shanghaiDay';
import { startFunctionCloud, type FunctionCloud } from './harness/functionCloud';

jest.setTimeout(60000);

let fc: FunctionCloud;

beforeAll(async () => {
  fc = await startFunctionCloud();
});

afterAll(async () => {
  await fc?.close();
});

async function docs(collection: string, where: Record<string, unknown>): Promise<Array<Record<string, unknown>>> {
  const { db } = connectSdk(fc.cloud);
  const { data } = (await db.collection(collection).where(where).limit(1000).get()) as { data: Array<Record<string, unknown>> };
  return data;
}

function ok<T>(result: { ok: true; data: T } | { ok: false; code: string; message: string }): T {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.data;
}

describe('reading function: browsing', () => {
  test('a worker pages through a theme by sort key and sees every story once, without bodies', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 10; i += 1) {
      const page = ok(await fc.call('rd-1', 'reading', 'listStories', { theme: 'labor', limit: 3, ...(after ? { after } : {}) }));
      seen.push(...page.stories.map((s) => s.id));
      for (const s of page.stories) expect(s).not.toHaveProperty('paragraphs');
      if (!page.nextAfter) break;
      after = page.nextAfter;
    }
    expect(seen.length).toBe(laborStories.length);
    expect(new Set(seen).size).toBe(laborStories.length);
    expect(seen.every((id) => id.startsWith('labor-'))).toBe(true);
    expect([...seen].sort()).toEqual(seen);
  });

  test("a list card shows the worker's own progress: none for a story never opened, the counted share for one being read", async () => {
    ok(await fc.call('rd-progress', 'reading', 'saveProgress', { storyId: 'labor-02', paragraph: 1, offset: 0 }));
    const beat = ok(await fc.call('rd-progress', 'reading', 'heartbeat', { storyId: 'labor-02' }));
    const page = ok(await fc.call('rd-progress', 'reading', 'listStories', { theme: 'labor', limit: 3 }));
    const read = page.stories.find((s) => s.id === 'labor-02');
    const needed = Math.max(1, read?.readingMinutes ?? 1) * 60;
    expect(beat.secondsRead).toBeGreaterThan(0);
    expect(read?.progress).toEqual({ percent: Math.floor((beat.secondsRead / needed) * 100), finished: false });
    expect(page.stories.find((s) => s.id === 'labor-01')?.progress).toBeNull();
    // Another worker's list carries nothing of this one's reading.
    const other = ok(await fc.call('rd-progress-2', 'reading', 'listStories', { theme: 'labor', limit: 3 }));
    expect(other.stories.every((s) => s.progress === null)).toBe(true);
  });

  test('a worker searches by a word of the title and finds the story', async () => {
    const [any] = await docs('stories', { _id: 'qinghai-01' });
    const word = String(any?.title).slice(0, 2);
    const found = ok(await fc.call('rd-1', 'reading', 'searchStories', { query: word }));
    expect(found.stories.map((s) => s.id)).toContain('qinghai-01');
    const none = ok(await fc.call('rd-1', 'reading', 'searchStories', { query: '完全不存在的词语xyz' }));
    expect(none.stories).toEqual([]);
  });

  test("every worker sees the same recommendation today, and a new reader has nothing to continue", async () => {
    const a = ok(await fc.call('rd-2', 'reading', 'getHome', {}));
    const b = ok(await fc.call('rd-3', 'reading', 'getHome', {}));
    expect(a.recommendation?.id).toBeTruthy();
    expect(a.recommendation?.id).toBe(b.recommendation?.id);
    expect(a.continueReading).toBeNull();
  });
});

describe('reading function: reading and coming back', () => {
  test('a worker reads the longest story chunk by chunk and gets every paragraph in order', async () => {
    const all = await docs('stories', {});
    const longest = all.reduce((x, y) => (JSON.stringify(y.paragraphs).length > JSON.stringify(x.paragraphs).length ? y : x));
    const opened = ok(await fc.call('rd-4', 'reading', 'openStory', { storyId: String(longest._id) }));
    const got = [...opened.chunk.paragraphs];
    for (let next = opened.chunk.next; next !== null; ) {
      const chunk = ok(await fc.call('rd-4', 'reading', 'getChunk', { storyId: String(longest._id), from: next }));
      got.push(...chunk.paragraphs);
      next = chunk.next;
    }
    expect(got).toEqual(longest.paragraphs);
    expect(opened.paragraphCount).toBe((longest.paragraphs as string[]).length);
  });

  test('a worker who leaves a story on one phone resumes at the same place on another', async () => {
    ok(await fc.call('rd-5', 'reading', 'saveProgress', { storyId: 'reform-02', paragraph: 3, offset: 120 }));
    const again = ok(await fc.call('rd-5', 'reading', 'openStory', { storyId: 'reform-02' }));
    expect(again.position).toEqual({ paragraph: 3, offset: 120 });
    expect(again.chunk.from).toBe(0);
    const home = ok(await fc.call('rd-5', 'reading', 'getHome', {}));
    expect(home.continueReading).toMatchObject({ id: 'reform-02', position: { paragraph: 3, offset: 120 } });
  });

  test('heartbeats sent together count one slot only', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => fc.call('rd-6', 'reading', 'heartbeat', { storyId: 'labor-01' })));
    const counted = results.map(ok).filter((r) => r.counted).length;
    // Six at once land in one 30-second slot (two if they straddle a slot boundary).
    expect(counted).toBeGreaterThanOrEqual(1);
    expect(counted).toBeLessThanOrEqual(2);
    const [progress] = await docs('reading_progress', { openid: 'rd-6', storyId: 'labor-01' });
    expect(progress?.secondsRead).toBe(counted * 30);
  });
});

describe('reading function: likes and favourites', () => {
  test('twenty workers liking at once, each twice, make exactly twenty likes', async () => {
    const workers = Array.from({ length: 20 }, (_, i) => `rd-like-${i}`);
    await Promise.all(workers.flatMap((w) => [fc.call(w, 'reading', 'setLike', { storyId: 'newEra-01', liked: true }), fc.call(w, 'reading', 'setLike', { storyId: 'newEra-01', liked: true })]));
    const [story] = await docs('stories', { _id: 'newEra-01' });
    expect(story?.likes).toBe(20);
    expect((await docs('story_likes', { storyId: 'newEra-01' })).length).toBe(20);
    const opened = ok(await fc.call('rd-like-0', 'reading', 'openStory', { storyId: 'newEra-01' }));
    expect(opened).toMatchObject({ liked: true, likes: 20 });
  });

  test('unliking twice takes one like away', async () => {
    ok(await fc.call('rd-like-0', 'reading', 'setLike', { storyId: 'newEra-01', liked: false }));
    const second = ok(await fc.call('rd-like-0', 'reading', 'setLike', { storyId: 'newEra-01', liked: false }));
    expect(second).toEqual({ liked: false, likes: 19 });
  });

  test('a worker saves favourites and pages through them newest first', async () => {
    for (const storyId of ['founding-01', 'founding-02', 'founding-03']) {
      ok(await fc.call('rd-7', 'reading', 'setFavorite', { storyId, favorited: true }));
      await new Promise((r) => setTimeout(r, 5));
    }
    ok(await fc.call('rd-7', 'reading', 'setFavorite', { storyId: 'founding-03', favorited: true }));
    const first = ok(await fc.call('rd-7', 'reading', 'listFavorites', { limit: 2 }));
    expect(first.stories.map((s) => s.id)).toEqual(['founding-03', 'founding-02']);
    const rest = ok(await fc.call('rd-7', 'reading', 'listFavorites', { limit: 2, cursor: first.nextCursor ?? undefined }));
    expect(rest.stories.map((s) => s.id)).toEqual(['founding-01']);
    expect(rest.nextCursor).toBeNull();
    ok(await fc.call('rd-7', 'reading', 'setFavorite', { storyId: 'founding-02', favorited: false }));
    expect(ok(await fc.call('rd-7', 'reading', 'listFavorites', {})).stories.map((s) => s.id)).toEqual(['founding-03', 'founding-01']);
  });

  test('paging favourites loses none when two saved in the same millisecond fall on either side of a page break', async () => {
    const { db } = connectSdk(fc.cloud);
    // Three saved, newest first, pages of two: the 2nd and 3rd (same millisecond) straddle the break.
    const base = Date.UTC(2021, 0, 1);
    const storyIds = ['founding-03', 'founding-02', 'founding-01'];
    for (const [i, storyId] of storyIds.entries()) {
      await db.collection('favorites').add({ data: { _id: `rd-fav-tie:${storyId}`, openid: 'rd-fav-tie', storyId, createdAt: new Date(base - Math.min(i, 1) * 1000) } });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 5; pages += 1) {
      const page = ok(await fc.call('rd-fav-tie', 'reading', 'listFavorites', { limit: 2, ...(cursor ? { cursor } : {}) }));
      seen.push(...page.stories.map((s) => s.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    // Newest first, and the id (descending) orders those saved in the same millisecond.
    expect(seen).toEqual(storyIds);
  });
});

describe('reading function: check-in', () => {
  test('a worker who checks in three times today is checked in once, with a streak of one', async () => {
    const results = (await Promise.all([1, 2, 3].map(() => fc.call('rd-8', 'reading', 'checkIn', {})))).map(ok);
    expect(results.filter((r) => !r.alreadyCheckedIn)).toHaveLength(1);
    expect(results.every((r) => r.streak === 1)).toBe(true);
    expect(await docs('reading_checkins', { openid: 'rd-8' })).toHaveLength(1);
    const month = ok(await fc.call('rd-8', 'reading', 'getCheckinMonth', {}));
    expect(month.days).toEqual([month.today]);
    expect(month).toMatchObject({ streak: 1, checkedInToday: true });
    // The points ledger shared with the quiz holds one check-in entry for the day.
    const ledger = await docs('points_ledger', { openid: 'rd-8' });
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ source: 'reading-checkin', sourceId: month.today, points: 2 });
    expect(results.every((r) => r.points === 2)).toBe(true);
  });
  test('thirty check-ins at once by one worker give the points exactly once, on the ledger and every board', async () => {
    const results = (await Promise.all(Array.from({ length: 30 }, () => fc.call('rd-30', 'reading', 'checkIn', {})))).map(ok);
    expect(results.filter((r) => !r.alreadyCheckedIn)).toHaveLength(1);
    expect(results.every((r) => r.points === 2)).toBe(true);
    expect(await docs('points_ledger', { openid: 'rd-30' })).toHaveLength(1);
    const boards = await docs('board_entries', { openid: 'rd-30' });
    expect(boards.length).toBeGreaterThan(0);
    expect(boards.flatMap((b) => [b.dayScore, b.weekScore, b.allScore])).toEqual(boards.flatMap(() => [2, 2, 2]));
  });
});

describe('reading function: bad input', () => {
  test.each([
    ['an injected operator as story', 'setLike', { storyId: { $gt: '' }, liked: true }],
    ['an unknown story shape', 'saveProgress', { storyId: 'labor-1', paragraph: 0, offset: 0 }],
    ['a negative paragraph', 'saveProgress', { storyId: 'labor-01', paragraph: -1, offset: 0 }],
    ['a fractional offset', 'saveProgress', { storyId: 'labor-01', paragraph: 0, offset: 1.5 }],
    ['an openid in the payload', 'checkIn', { openid: 'rd-8' }],
    ['an injected operator as theme', 'listStories', { theme: { $ne: null } }],
    ['a page too large', 'listStories', { theme: 'labor', limit: 1000 }],
    ['an over-long search', 'searchStories', { query: '长'.repeat(31) }],
    ['a malformed month', 'getCheckinMonth', { month: '2026-13' }],
  ])('%s gets BAD_INPUT and writes nothing', async (_name, action, input) => {
    fc.cloud.stats().reset();
    const result = await fc.callRaw('rd-bad', 'reading', { action, input });
    expect(result).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect((result as { message: string }).message).toMatch(/^输入有误/);
    // Refused before any database call at all.
    expect(fc.cloud.stats().dbActions).toEqual({});
    expect(await docs('reading_progress', { openid: 'rd-bad' })).toHaveLength(0);
    expect(await docs('story_likes', { openid: 'rd-bad' })).toHaveLength(0);
    expect(await docs('reading_checkins', { openid: 'rd-bad' })).toHaveLength(0);
  });

  test('a story that does not exist is STORY_NOT_FOUND and nothing is written', async () => {
    expect(await fc.call('rd-9', 'reading', 'openStory', { storyId: 'labor-99' })).toMatchObject({ ok: false, code: 'STORY_NOT_FOUND' });
    expect(await fc.call('rd-9', 'reading', 'saveProgress', { storyId: 'labor-99', paragraph: 0, offset: 0 })).toMatchObject({ ok: false, code: 'STORY_NOT_FOUND' });
    expect(await fc.call('rd-9', 'reading', 'setLike', { storyId: 'labor-99', liked: true })).toMatchObject({ ok: false, code: 'STORY_NOT_FOUND' });
    expect(await docs('reading_progress', { openid: 'rd-9' })).toHaveLength(0);
    expect(await docs('story_likes', { openid: 'rd-9' })).toHaveLength(0);
  });
});

describe('reading function: the daily pick', () => {
  test('the recommendation is drawn from every visible story, past the first 1,000', async () => {
    const { db } = connectSdk(fc.cloud);
    const visible = { unpublished: db.command.neq(true) };
    const { total: seeded } = (await db.collection('stories').where(visible).count()) as { total: number };
    const today = shanghaiDay(new Date());
    // Fillers sorting before every seeded id, enough that today's place is a filler beyond the 1,000th story.
    let total = seeded + 1001;
    while (recommendedIndex(today, total) < 1000 || recommendedIndex(today, total) >= total - seeded) total += 1;
    const fillers = Array.from({ length: total - seeded }, (_, i) => `0-filler-${String(i).padStart(5, '0')}`);
    const card = (id: string) => ({ _id: id, title: `补充故事${id}`, theme: 'labor', year: 1950, summary: '用来撑大书目的故事。', readingMinutes: 3, likes: 0, keywords: [], paragraphs: ['正文。'] });
    for (let i = 0; i < fillers.length; i += 500) await db.collection('stories').add({ data: fillers.slice(i, i + 500).map(card) });
    try {
      const expected = fillers[recommendedIndex(today, total)];
      const a = ok(await fc.call('rd-pick-1', 'reading', 'getHome', {}));
      const b = ok(await fc.call('rd-pick-2', 'reading', 'getHome', {}));
      expect(a.recommendation?.id).toBe(expected);
      expect(b.recommendation?.id).toBe(expected);
    } finally {
      for (let i = 0; i < fillers.length; i += 500) await db.collection('stories').where({ _id: db.command.in(fillers.slice(i, i + 500)) }).remove();
    }
  });
});
