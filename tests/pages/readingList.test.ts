import constructionStories from '../../data/stories/construction.json';
import foundingStories from '../../data/stories/founding.json';
import laborStories from '../../data/stories/labor.json';
import newEraStories from '../../data/stories/newEra.json';
import qinghaiStories from '../../data/stories/qinghai.json';
import reformStories from '../../data/stories/reform.json';
import { actAs } from './harness/pageCloud';
import { renderPage, tap, tapItem, textOf, waitFor } from './harness/renderPage';

jest.setTimeout(90000);

type Instance = Record<string, (...args: never[]) => unknown>;
/** The simulator replaces global wx on each render (copying what it held), so look it up each time. */
const wx = (): Record<string, unknown> & { cloud: Record<string, unknown> } => (globalThis as unknown as { wx: Record<string, unknown> & { cloud: Record<string, unknown> } }).wx;

function openList(query: Record<string, string>) {
  const page = renderPage('pages/stories/list/index', undefined, { compiler: 'official' });
  const stops: number[] = [];
  wx().stopPullDownRefresh = () => void stops.push(Date.now());
  (page.instance as unknown as Instance).onLoad(query as never);
  return { page, instance: page.instance as unknown as Instance, stops };
}

const titles = (page: ReturnType<typeof renderPage>) => page.querySelectorAll('.story-card-title').map((t) => (t.dom as HTMLElement).textContent?.trim());

/** The worker's own call, as from another page or phone: straight through wx.cloud to the function. */
async function call(action: string, input: Record<string, unknown>): Promise<void> {
  const callFunction = wx().cloud.callFunction as (o: unknown) => Promise<{ result: { ok: boolean } }>;
  const { result } = await callFunction({ name: 'reading', data: { action, input } });
  if (!result.ok) throw new Error(JSON.stringify(result));
}

describe('红色故事 list', () => {
  test('a worker scrolls the 青海故事 tab past its first ten stories to all fifteen, each once and in order, then sees the end', async () => {
    actAs('worker-list-1');
    const { page, instance } = openList({ theme: 'qinghai' });
    await waitFor(() => page.querySelectorAll('.story-card').length === 10, 'the first page');
    expect(page.data.theme).toBe('qinghai');
    expect(page.querySelector('.load-more')).toBeTruthy();
    tap(page, '.load-more');
    await waitFor(() => page.querySelectorAll('.story-card').length === qinghaiStories.length, 'the second page');
    const expected = [...qinghaiStories].sort((a, b) => a.id.localeCompare(b.id)).map((s) => s.title);
    expect(titles(page)).toEqual(expected);
    expect(textOf(page, '.end-text')).toBe('已经到底了');
    // Reaching the bottom again asks for nothing more.
    instance.onReachBottom();
    expect(page.querySelectorAll('.story-card').length).toBe(qinghaiStories.length);
  });

  test('a worker switches tabs and sees the other theme, each card with its reading time and the theme colour as cover', async () => {
    actAs('worker-list-2');
    const { page } = openList({ theme: 'qinghai' });
    await waitFor(() => page.querySelectorAll('.story-card').length > 0, 'the qinghai page');
    tapItem(page, '.theme-tabs', 't-tabs__item', 0);
    await waitFor(() => page.data.theme === 'founding' && (page.data.items as Array<{ id: string }>)[0]?.id.startsWith('founding-') === true, 'the founding tab');
    expect(textOf(page, '.story-cover-theme')).toBe('建党与革命');
    expect(textOf(page, '.story-card-meta')).toMatch(/约 \d+ 分钟/);
  });

  test('a worker who read a story elsewhere pulls down to refresh and the card shows how far they got', async () => {
    actAs('worker-list-3');
    const { page, instance, stops } = openList({ theme: 'qinghai' });
    await waitFor(() => page.querySelectorAll('.story-card').length === 10, 'the list');
    expect(page.querySelector('.story-progress')).toBeFalsy();
    const first = [...qinghaiStories].sort((a, b) => a.id.localeCompare(b.id))[0]!;
    await call('saveProgress', { storyId: first.id, paragraph: 1, offset: 0 });
    await call('heartbeat', { storyId: first.id });
    await (instance.onPullDownRefresh() as Promise<void>);
    await waitFor(() => textOf(page, '.story-progress') !== '', 'the progress');
    expect(textOf(page, '.story-progress')).toMatch(/^已读 \d+%$/);
    expect(stops.length).toBe(1); // the pull-down spinner is put away
    expect(page.querySelectorAll('.story-card').length).toBe(10);
  });

  test('without network the list says so with a retry, and the retry brings the stories', async () => {
    actAs('worker-list-4');
    wx().cloud.callFunction = () => Promise.reject(new Error('offline'));
    const { page } = openList({ theme: 'labor' });
    await waitFor(() => textOf(page, '.error-text') !== '', 'the error state');
    expect(textOf(page, '.error-text')).toContain('网络');
    expect(page.querySelector('.story-card')).toBeFalsy();
    actAs('worker-list-4');
    tap(page, '.retry-button');
    await waitFor(() => page.querySelectorAll('.story-card').length > 0, 'the stories after retry');
    expect(page.querySelector('.error-text')).toBeFalsy();
  });

  test('a search past its first twenty hits loads the rest with 加载更多, each once and in id order, then sees the end', async () => {
    actAs('worker-list-6');
    const all = [...constructionStories, ...foundingStories, ...laborStories, ...newEraStories, ...qinghaiStories, ...reformStories];
    const hits = all.filter((s) => [s.title, s.summary, ...s.keywords].some((text) => text.includes('的'))).sort((a, b) => a.id.localeCompare(b.id));
    expect(hits.length).toBeGreaterThan(40);
    const { page } = openList({ query: encodeURIComponent('的') });
    await waitFor(() => page.querySelectorAll('.story-card').length === 20, 'the first twenty hits');
    tap(page, '.load-more');
    await waitFor(() => page.querySelectorAll('.story-card').length === 40, 'the next twenty');
    tap(page, '.load-more');
    await waitFor(() => page.querySelectorAll('.story-card').length === hits.length, 'the last hits');
    expect(titles(page)).toEqual(hits.map((s) => s.title));
    expect(textOf(page, '.end-text')).toBe('已经到底了');
  });

  test('a search with no match shows an empty state with a way back', async () => {
    actAs('worker-list-5');
    const { page } = openList({ query: encodeURIComponent('完全不存在的词语') });
    await waitFor(() => Boolean(page.querySelector('.list-empty')), 'the empty state');
    expect(page.querySelector('.empty-action')).toBeTruthy();
    expect(page.querySelector('.theme-tabs')).toBeFalsy();
  });
});
