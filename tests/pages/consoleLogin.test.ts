import { actAs, grantRole, insertDocument } from './harness/pageCloud';
import { renderPage, tap, textOf, waitFor } from './harness/renderPage';

jest.setTimeout(60000);

type Page = ReturnType<typeof renderPage>;
const toastOf = (page: Page) => (page.querySelector('#t-toast')?.data as { message?: string } | undefined)?.message;

/** A login a browser started a minute ago, waiting for a phone (ids are 20 letters and digits). */
async function waitingLogin(id: string): Promise<void> {
  const now = Date.now();
  await insertDocument('console_logins', {
    _id: id, pollKeyHash: 'x'.repeat(64), status: 'waiting', browser: 'Chrome · Windows', createdAt: { $date: new Date(now - 60000).toISOString() },
    expiresAt: { $date: new Date(now + 10 * 60000).toISOString() }, openid: null, confirmedAt: null, polls: 0, lastPollAt: null, clientKey: 'k'.repeat(64),
  });
}

describe('logging in to the console by scanning its code', () => {
  test('a cadre sees the loading state, then confirms and is told so in the page toast', async () => {
    await waitingLogin('pageConsoleLogin0001');
    await grantRole('page-console-cadre', 'qh-xining');
    actAs('page-console-cadre');
    const page = renderPage('cadre/consoleLogin/index');
    expect(page.querySelector('.state-loading')).toBeTruthy();
    (page.instance as unknown as { onLoad(query: Record<string, string>): void }).onLoad({ scene: 'pageConsoleLogin0001' });
    await waitFor(() => page.data.loading === false, 'the login request', 30000);
    expect(textOf(page, '.browser')).toBe('Chrome · Windows');
    tap(page, '.confirm');
    await waitFor(() => page.data.done === 'confirmed', 'the confirmation');
    expect(page.querySelector('.state-confirmed')).toBeTruthy();
    expect(toastOf(page)).toBe('已登录工作台');
  });

  test('取消 ends the login and says so in the page toast', async () => {
    await waitingLogin('pageConsoleLogin0002');
    await grantRole('page-console-cadre-2', 'qh-xining');
    actAs('page-console-cadre-2');
    const page = renderPage('cadre/consoleLogin/index');
    (page.instance as unknown as { onLoad(query: Record<string, string>): void }).onLoad({ scene: 'pageConsoleLogin0002' });
    await waitFor(() => page.data.loading === false, 'the login request', 30000);
    tap(page, '.cancel');
    await waitFor(() => page.data.done === 'cancelled', 'the cancellation');
    expect(toastOf(page)).toBe('已取消登录');
  });
});
