import { createHash } from 'node:crypto';
import http from 'node:http';
import { LOGIN_STARTS_PER_WINDOW } from '../../server/console/consoleHttp';
import { connectSdk } from '../localcloud/helpers/testCloud';
import { ConsoleClient } from './harness/consoleClient';
import { startFunctionCloud, type FunctionCloud } from './harness/functionCloud';

jest.setTimeout(90000);

let fc: FunctionCloud;

beforeAll(async () => {
  fc = await startFunctionCloud();
  const { db } = connectSdk(fc.cloud);
  const grantedAt = new Date('2026-11-01T00:00:00Z');
  await db.collection('roles').add({ data: { _id: 'cadre-qh-xining-cl-cadre', openid: 'cl-cadre', role: 'cadre', orgId: 'qh-xining', grantedBy: 'setup', grantedAt } });
  await db.collection('roles').add({ data: { _id: 'admin:cl-admin', openid: 'cl-admin', role: 'admin', orgId: null, grantedBy: 'setup', grantedAt } });
});

afterAll(async () => {
  await fc?.close();
});

/** POST /login from a given loopback address (Linux routes all of 127/8 to lo), as a browser on another machine would. */
function startFrom(localAddress: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${fc.cloud.url}/console-api/login`, { method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'x-console-request': '1', ...headers } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('scan login', () => {
  test('a login shows a PNG mini program code and gives the browser an HttpOnly, SameSite=Strict poll cookie', async () => {
    const browser = new ConsoleClient(fc.cloud);
    const started = await browser.request('POST', '/login');
    expect(started.status).toBe(200);
    const data = started.body.data as { loginId: string; codeImage: string; expiresAt: string };
    expect(data.loginId).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(Buffer.from(data.codeImage.replace(/^data:image\/png;base64,/, ''), 'base64').subarray(1, 4).toString()).toBe('PNG');
    const cookie = started.headers.getSetCookie()[0] ?? '';
    expect(cookie).toMatch(/^zgzj_login=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/console-api');
  });

  test('login starts are limited per client address as the gateway delivers it; a forged x-real-ip or x-forwarded-for does not reset the count', async () => {
    const { db } = connectSdk(fc.cloud);
    // The window's earlier starts of this client, but one (each real start draws a code: slow here).
    const clientKey = createHash('sha256').update('127.0.0.3').digest('hex');
    const recent = new Date(Date.now() - 60_000);
    for (let i = 1; i < LOGIN_STARTS_PER_WINDOW; i += 1) {
      await db.collection('console_logins').add({ data: { _id: `earlier${String(i).padStart(13, '0')}`, pollKeyHash: 'x', status: 'expired', browser: 'Chrome', createdAt: recent, expiresAt: recent, openid: null, confirmedAt: null, polls: 0, lastPollAt: null, clientKey } });
    }
    expect(await startFrom('127.0.0.3')).toBe(200);
    expect(await startFrom('127.0.0.3')).toBe(429);
    expect(await startFrom('127.0.0.3', { 'x-real-ip': '203.0.113.9', 'x-forwarded-for': '198.51.100.7' })).toBe(429);
    // Another client is not held back by the first.
    expect(await startFrom('127.0.0.4')).toBe(200);
    const { data } = (await db.collection('console_logins').where({ clientKey }).limit(1000).get()) as { data: unknown[] };
    expect(data).toHaveLength(LOGIN_STARTS_PER_WINDOW);
    // The address itself is not stored, only its hash.
    expect(JSON.stringify(data)).not.toContain('127.0.0.3');
  });

  test('a POST without the same-origin header, or from another origin, is refused', async () => {
    const browser = new ConsoleClient(fc.cloud);
    expect((await browser.request('POST', '/login', undefined, { 'x-console-request': '' })).status).toBe(403);
    expect((await browser.request('POST', '/login', undefined, { origin: 'https://evil.example' })).status).toBe(403);
  });

  test('a worker without a console role cannot confirm; the login stays waiting', async () => {
    const browser = new ConsoleClient(fc.cloud);
    const loginId = await browser.startLogin();
    const described = await fc.call('cl-worker', 'console', 'describeLogin', { loginId });
    expect(described).toMatchObject({ ok: true, data: { status: 'waiting', allowed: false } });
    expect(await fc.call('cl-worker', 'console', 'confirmLogin', { loginId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await browser.request('GET', `/login/${loginId}`)).body).toEqual({ ok: true, data: { status: 'waiting' } });
  });

  test('polling faster than once a second is refused with 429; another browser cannot collect the login', async () => {
    const browser = new ConsoleClient(fc.cloud);
    const loginId = await browser.startLogin();
    expect((await browser.request('GET', `/login/${loginId}`)).status).toBe(200);
    const fast = await browser.request('GET', `/login/${loginId}`);
    expect(fast.status).toBe(429);
    expect(fast.headers.get('retry-after')).toBe('2');
    const stranger = new ConsoleClient(fc.cloud);
    expect((await stranger.request('GET', `/login/${loginId}`)).status).toBe(404);
  });

  test('a cadre confirms on the phone; the browser gets a session cookie once, and calls the queue', async () => {
    const browser = new ConsoleClient(fc.cloud);
    const loginId = await browser.startLogin();
    expect(await fc.call('cl-cadre', 'console', 'describeLogin', { loginId })).toMatchObject({ ok: true, data: { status: 'waiting', allowed: true } });
    expect(await fc.call('cl-cadre', 'console', 'confirmLogin', { loginId })).toEqual({ ok: true, data: { confirmed: true } });
    expect(await fc.call('cl-admin', 'console', 'confirmLogin', { loginId })).toMatchObject({ ok: false, code: 'LOGIN_USED' });
    await new Promise((resolve) => setTimeout(resolve, 1050));
    const polled = await browser.request('GET', `/login/${loginId}`);
    expect(polled.body).toEqual({ ok: true, data: { status: 'confirmed' } });
    const cookie = polled.headers.getSetCookie()[0] ?? '';
    expect(cookie).toMatch(/^zgzj_console=[A-Za-z0-9_-]{40,}; Path=\/console-api; Max-Age=28800; HttpOnly; SameSite=Strict$/);
    await new Promise((resolve) => setTimeout(resolve, 1050));
    expect((await browser.request('GET', `/login/${loginId}`)).body).toEqual({ ok: true, data: { status: 'used' } });
    const session = await browser.request('GET', '/session');
    expect(session.body).toMatchObject({ ok: true, data: { roles: [{ role: 'cadre', orgId: 'qh-xining' }] } });
    expect(await browser.call('requests', 'queuePage', {})).toMatchObject({ ok: true });
  });

  test('console calls pass the same contracts: bad input, worker-only actions and missing sessions are refused', async () => {
    const browser = new ConsoleClient(fc.cloud);
    await browser.logInAs('cl-cadre');
    expect(await browser.call('requests', 'queuePage', { status: 'nonsense' })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect((await browser.request('POST', '/call', { domain: 'requests', action: 'submit', input: {} })).status).toBe(404);
    expect(await browser.call('requests', 'reply', { requestId: 'nope', note: '' })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    const { data } = (await connectSdk(fc.cloud).db.collection('audit_log').where({ actorOpenid: 'cl-cadre', via: 'console' }).get()) as { data: Array<{ action: string; ok: boolean }> };
    expect(data).toEqual([expect.objectContaining({ action: 'requests.reply', ok: false, code: 'BAD_INPUT' })]);
    const anonymous = new ConsoleClient(fc.cloud);
    expect((await anonymous.request('POST', '/call', { domain: 'requests', action: 'queuePage', input: {} })).status).toBe(401);
  });

  test('logout ends the session; a revoked role ends every session of that user', async () => {
    const browser = new ConsoleClient(fc.cloud);
    await browser.logInAs('cl-cadre');
    const out = await browser.request('POST', '/logout');
    expect(out.headers.getSetCookie()[0]).toMatch(/^zgzj_console=; .*Max-Age=0/);
    expect((await browser.request('GET', '/session')).status).toBe(401);

    const admin = new ConsoleClient(fc.cloud);
    await admin.logInAs('cl-admin');
    const cadre = new ConsoleClient(fc.cloud);
    await cadre.logInAs('cl-cadre');
    expect(await admin.call('requests', 'revokeCadre', { openid: 'cl-cadre', orgId: 'qh-xining' })).toMatchObject({ ok: true });
    const after = await cadre.request('POST', '/call', { domain: 'requests', action: 'queuePage', input: {} });
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({ code: 'ROLE_REVOKED' });
  });
});
