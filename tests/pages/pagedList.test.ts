import { actAs } from './harness/pageCloud';
import { renderPage, waitFor } from './harness/renderPage';

/**
 * The paged-list behaviour every list page shares, seen on the story list: a reply overtaken by a
 * newer one is dropped, and a next page that fails keeps what is shown and can be asked for again.
 */
jest.setTimeout(90000);

type Instance = Record<string, (...args: never[]) => unknown>;
type CallFunction = (options: { name: string; data: { action: string; input: Record<string, unknown> } }) => Promise<unknown>;
const cloud = (): { callFunction: CallFunction } => (globalThis as unknown as { wx: { cloud: { callFunction: CallFunction } } }).wx.cloud;

function openList(theme: string) {
  const page = renderPage('pages/stories/list/index', undefined, { compiler: 'official' });
  (page.instance as unknown as Instance).onLoad({ theme } as never);
  return { page, instance: page.instance as unknown as Instance };
}

const themesShown = (page: ReturnType<typeof renderPage>) => new Set((page.data.items as Array<{ theme: string }>).map((s) => s.theme));

describe('paged lists', () => {
  test('a tab’s late first page does not overwrite the tab the worker moved on to', async () => {
    actAs('worker-paged-1');
    const through = cloud().callFunction;
    // The 建党 tab's reply is slow (a weak signal); the worker taps 工运 before it arrives.
    let slowDone = false;
    cloud().callFunction = async (options) => {
      const slow = options.data.action === 'listStories' && options.data.input.theme === 'founding';
      const reply = await through(options);
      if (slow) {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        slowDone = true;
      }
      return reply;
    };
    const { page, instance } = openList('founding');
    instance.onTabChange({ detail: { value: 'labor' } } as never);
    await waitFor(() => page.data.loaded === true && !page.data.loading, 'the 工运 tab', 30000);
    await waitFor(() => slowDone, 'the late 建党 reply');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(page.data.theme).toBe('labor');
    expect([...themesShown(page)]).toEqual(['labor']);
    cloud().callFunction = through;
  });

  test('a next page that fails keeps the stories shown, says so in a toast, and loads on the next try', async () => {
    actAs('worker-paged-2');
    const { page, instance } = openList('qinghai');
    await waitFor(() => (page.data.items as unknown[]).length === 10, 'the first page', 30000);
    const cursor = page.data.nextCursor;
    const through = cloud().callFunction;
    cloud().callFunction = () => Promise.reject(new Error('request:fail offline'));
    await (instance.loadMore as () => Promise<void>)();
    expect((page.data.items as unknown[]).length).toBe(10);
    expect(page.data.error).toBe('');
    expect(page.data.loadingMore).toBe(false);
    expect(page.data.nextCursor).toBe(cursor);
    expect(page.querySelector('#t-toast')?.data.message).toContain('网络');
    cloud().callFunction = through;
    await (instance.loadMore as () => Promise<void>)();
    expect((page.data.items as unknown[]).length).toBe(15);
    expect(page.data.nextCursor).toBeNull();
  });
});
