import qinghaiStories from '../../data/stories/qinghai.json';
import { actAs, insertDocument } from './harness/pageCloud';
import { renderPage, tap, textOf, waitFor } from './harness/renderPage';

jest.setTimeout(30000);

type Instance = Record<string, (...args: never[]) => unknown> & { setData(data: Record<string, unknown>, cb?: () => void): void };
/** The simulator replaces global wx on each render (copying what it held), so look it up each time. */
const wx = (): Record<string, unknown> => (globalThis as unknown as { wx: Record<string, unknown> }).wx;

/** The phone's storage, kept across renders like a phone's would be. */
const storage = new Map<string, unknown>();
wx().setStorageSync = (key: string, value: unknown) => void storage.set(key, value);
wx().getStorageSync = (key: string) => storage.get(key) ?? '';

/** A layout for jsdom (which has none): each paragraph 300 px tall, the page scrolled by `scrollY`. */
let scrollY = 0;
const paragraphHeight = 300;
const realRect = Element.prototype.getBoundingClientRect;
beforeAll(() => {
  Element.prototype.getBoundingClientRect = function rect(this: Element) {
    const index = this.getAttribute('data-index');
    if (index === null) return realRect.call(this);
    const top = Number(index) * paragraphHeight - scrollY;
    return { top, bottom: top + paragraphHeight, left: 0, right: 375, width: 375, height: paragraphHeight, x: 0, y: top, toJSON: () => ({}) } as DOMRect;
  };
});
afterAll(() => {
  Element.prototype.getBoundingClientRect = realRect;
});

/** Readers opened by a test; their heartbeat timers stop when it ends, as when a page closes. */
const readers: Instance[] = [];
afterEach(() => {
  for (const reader of readers.splice(0)) reader.stopHeartbeat();
});

function instanceOf(page: ReturnType<typeof renderPage>): Instance {
  return page.instance as unknown as Instance;
}

/** Records the size of every setData the page makes. */
function measureSetData(instance: Instance): number[] {
  const sizes: number[] = [];
  const original = instance.setData.bind(instance);
  instance.setData = (data, cb) => {
    sizes.push(Buffer.byteLength(JSON.stringify(data)));
    original(data, cb);
  };
  return sizes;
}

async function openReader(storyId: string) {
  const page = renderPage('pages/stories/reader/index');
  const instance = instanceOf(page);
  const sizes = measureSetData(instance);
  const scrolls: Array<Record<string, unknown>> = [];
  wx().pageScrollTo = (options: Record<string, unknown>) => {
    scrolls.push(options);
    (options.complete as (() => void) | undefined)?.();
  };
  const loaded = instance.onLoad({ storyId } as never) as Promise<void>;
  readers.push(instance);
  return { page, instance, sizes, scrolls, loaded };
}

describe('阅读 reader', () => {
  test('a worker opens a story, reads down to the fourth paragraph, leaves, and comes back to the same place', async () => {
    actAs('worker-read-1');
    const first = await openReader('reform-02');
    await first.loaded;
    await waitFor(() => textOf(first.page, '.story-title') !== '', 'the story to open');
    expect((first.page.data.paragraphs as string[]).length).toBeGreaterThan(4);
    expect(first.scrolls).toEqual([]); // a first visit starts at the top

    // The worker scrolls to 120 px into the fourth paragraph, then leaves the page.
    scrollY = 3 * paragraphHeight + 120;
    first.instance.onPageScroll({ scrollTop: scrollY } as never);
    await (first.instance.onUnload() as Promise<void>);

    // Coming back (on this phone or another): the reader scrolls to the same place.
    scrollY = 0;
    const again = await openReader('reform-02');
    await again.loaded;
    expect(again.scrolls).toEqual([expect.objectContaining({ selector: '#p-3', offsetTop: 120 })]);
    for (const size of [...first.sizes, ...again.sizes]) expect(size).toBeLessThan(64 * 1024);
  });

  test('a worker likes a story and sees the count go up, and it is still liked next time', async () => {
    actAs('worker-read-2');
    const reader = await openReader('qinghai-02');
    await reader.loaded;
    const before = Number(textOf(reader.page, '.like-count'));
    tap(reader.page, '.like-button');
    await waitFor(() => textOf(reader.page, '.like-button').startsWith('已点赞'), 'the like');
    expect(Number(textOf(reader.page, '.like-count'))).toBe(before + 1);
    const again = await openReader('qinghai-02');
    await again.loaded;
    expect(textOf(again.page, '.like-button')).toContain('已点赞');
    expect(Number(textOf(again.page, '.like-count'))).toBe(before + 1);
  });

  test('an older worker turns on large font once and it stays on for every story', async () => {
    actAs('worker-read-3');
    const reader = await openReader('labor-05');
    await reader.loaded;
    expect(reader.page.querySelector('.reader.large')).toBeFalsy();
    tap(reader.page, '.font-toggle');
    await waitFor(() => Boolean(reader.page.querySelector('.reader.large')), 'large font');
    const next = await openReader('founding-02');
    await next.loaded;
    expect(next.page.querySelector('.reader.large')).toBeTruthy();
    expect(textOf(next.page, '.font-toggle')).toBe('标准字号');
  });
});

describe('阅读 home and check-in', () => {
  test('a worker sees six themes and today’s recommendation, then the story they were reading to continue', async () => {
    actAs('worker-read-1');
    const page = renderPage('pages/reading/index');
    void instanceOf(page).onShow();
    await waitFor(() => textOf(page, '.recommendation-title') !== '', "today's recommendation");
    expect(page.querySelectorAll('.theme-name').map((t) => (t.dom as HTMLElement).textContent?.trim())).toEqual(['建党与革命', '新中国建设', '改革开放', '新时代', '工运与劳模', '青海故事']);
    await waitFor(() => textOf(page, '.continue-title') !== '', 'continue reading');
    expect(page.data.continueReading).toMatchObject({ id: 'reform-02' });
  });

  test('a worker checks in, sees today marked on the calendar and a streak of one, and cannot check in twice', async () => {
    actAs('worker-read-4');
    const page = renderPage('pages/stories/checkin/index');
    await waitFor(() => textOf(page, '.month-title') !== '', 'the calendar');
    expect(textOf(page, '.streak-count')).toBe('0');
    expect(page.querySelector('.cell.checked')).toBeFalsy();
    tap(page, '.checkin-button');
    await waitFor(() => textOf(page, '.checkin-message') !== '', 'the check-in');
    expect(textOf(page, '.checkin-message')).toContain('打卡成功');
    await waitFor(() => textOf(page, '.streak-count') === '1', 'the streak');
    expect(page.querySelector('.cell.checked.today')).toBeTruthy();
    expect(page.data.checkedInToday).toBe(true);
  });

  test('a worker browses a theme and the list shows its stories', async () => {
    actAs('worker-read-5');
    const page = renderPage('pages/stories/list/index', undefined, { compiler: 'official' });
    instanceOf(page).onLoad({ theme: 'qinghai' } as never);
    await waitFor(() => page.querySelectorAll('.story-card').length > 0, 'the list');
    expect(page.data.theme).toBe('qinghai'); // the 青海故事 tab is the one shown
    // The list pages by 10 (pages/stories/list): the first page, or the whole theme if it is shorter.
    expect(page.querySelectorAll('.story-card').length).toBe(Math.min(qinghaiStories.length, 10));
    expect(textOf(page, '.story-card-title')).toBe(qinghaiStories[0]?.title);
  });
});

describe('阅读 search and favourites', () => {
  test('a worker searches from the home page and the list shows what matches', async () => {
    actAs('worker-read-6');
    const page = renderPage('pages/stories/list/index', undefined, { compiler: 'official' });
    instanceOf(page).onLoad({ query: encodeURIComponent(qinghaiStories[0]?.title ?? '') } as never);
    await waitFor(() => page.querySelectorAll('.story-card').length > 0, 'the results');
    expect(textOf(page, '.story-card-title')).toBe(qinghaiStories[0]?.title);
  });

  test('a worker saves a story to favourites in the reader and finds it in 我的收藏', async () => {
    actAs('worker-read-7');
    const reader = await openReader('qinghai-05');
    await reader.loaded;
    tap(reader.page, '.favorite-button');
    await waitFor(() => textOf(reader.page, '.favorite-button') === '已收藏', 'the favourite');
    const favorites = renderPage('pages/stories/favorites/index', undefined, { compiler: 'official' });
    void instanceOf(favorites).onShow();
    await waitFor(() => favorites.querySelectorAll('.favorite-card').length === 1, 'the favourites');
    expect(textOf(favorites, '.story-card-title')).toBe(qinghaiStories.find((s) => s.id === 'qinghai-05')?.title);
  });

  test('我的收藏 shows ten, then the rest at the bottom, losing none saved in the same millisecond across the break', async () => {
    // 11 saved, newest first: the 10th and 11th share a millisecond and straddle the page break (ids descending order them).
    const storyIds = qinghaiStories.slice(0, 11).map((s) => s.id).reverse();
    const base = Date.UTC(2026, 10, 4, 8);
    for (const [n, storyId] of storyIds.entries()) {
      await insertDocument('favorites', { _id: `page-fav-pager:${storyId}`, openid: 'page-fav-pager', storyId, createdAt: { $date: new Date(base - Math.min(n, 9) * 60000).toISOString() } });
    }
    actAs('page-fav-pager');
    const favorites = renderPage('pages/stories/favorites/index', undefined, { compiler: 'official' });
    void instanceOf(favorites).onShow();
    const titles = () => favorites.querySelectorAll('.favorite-card .story-card-title').map((t) => (t.dom as HTMLElement).textContent?.trim());
    await waitFor(() => titles().length === 10, 'the first page of favourites');
    instanceOf(favorites).onReachBottom();
    await waitFor(() => titles().length === 11, 'the next page of favourites');
    expect(titles()).toEqual(storyIds.map((id) => qinghaiStories.find((s) => s.id === id)?.title));
    expect(favorites.data.nextCursor).toBeNull();
  });
});

describe('阅读 reader at night and offline', () => {
  test('a worker turns on night mode once and every story opens at night until turned off', async () => {
    actAs('worker-read-8');
    const reader = await openReader('labor-03');
    await reader.loaded;
    expect(reader.page.querySelector('.reader.night')).toBeFalsy();
    tap(reader.page, '.night-toggle');
    await waitFor(() => Boolean(reader.page.querySelector('.reader.night')), 'night mode');
    expect(storage.get('reading.nightMode')).toBe(true);
    const next = await openReader('qinghai-03');
    await next.loaded;
    expect(next.page.querySelector('.reader.night')).toBeTruthy();
    expect(textOf(next.page, '.night-toggle')).toBe('日间模式');
    tap(next.page, '.night-toggle');
    await waitFor(() => !next.page.querySelector('.reader.night'), 'day mode');
    expect(storage.get('reading.nightMode')).toBe(false);
  });

  test('without network the reader says so with a retry, and the retry opens the story', async () => {
    actAs('worker-read-9');
    (wx().cloud as Record<string, unknown>).callFunction = () => Promise.reject(new Error('offline'));
    const reader = await openReader('labor-04');
    await reader.loaded;
    expect(textOf(reader.page, '.error-text')).toContain('网络');
    expect(reader.page.querySelector('.story-title')).toBeFalsy();
    actAs('worker-read-9');
    tap(reader.page, '.retry-button');
    await waitFor(() => textOf(reader.page, '.story-title') !== '', 'the story after retry');
    expect(reader.page.data.readPercent).toBeGreaterThan(0);
  });
});
