import type { LocalCloud } from '../../localcloud';
import { startTestCloud, stopTestCloud } from './helpers/testCloud';

// The function host: a WeChat context per call, function-to-function calls, CloudIDs, failures.
let localCloud: (LocalCloud & { dataDir: string }) | undefined;

function cloudOf(): LocalCloud {
  return localCloud as LocalCloud;
}

beforeAll(async () => {
  localCloud = await startTestCloud();
});

afterAll(() => stopTestCloud(localCloud));

test('two users calling one function at once never see each other’s identity', async () => {
  const calls = Array.from({ length: 20 }, (_, i) => {
    const openid = i % 2 === 0 ? 'user-a' : 'user-b';
    return cloudOf()
      .invoke('whoami', { delayMs: 5 + ((i * 7) % 20) }, { openid })
      .then((result) => ({ openid, result }));
  });
  for (const { openid, result } of await Promise.all(calls)) {
    expect(result).toEqual({ before: openid, after: openid });
  }
});

test('the function gets the event, the WeChat context and its own name', async () => {
  const result = (await cloudOf().invoke('echo', { action: 'ping', n: 1 }, { openid: 'user-c' })) as Record<string, unknown>;
  expect(result).toEqual({
    event: { action: 'ping', n: 1, userInfo: { appId: 'wx-local-app', openId: 'user-c' } },
    wxContext: { OPENID: 'user-c', APPID: 'wx-local-app', ENV: 'local-dev' },
    functionName: 'echo',
  });
});

test('data and results travel as JSON, as through callFunction', async () => {
  const result = (await cloudOf().invoke('echo', { at: new Date('2024-01-01T00:00:00Z'), skip: undefined }, { openid: 'u' })) as { event: Record<string, unknown> };
  expect(result.event.at).toBe('2024-01-01T00:00:00.000Z');
  expect(result.event).not.toHaveProperty('skip');
});

test('data over 100 KB is refused, as by wx.cloud.callFunction', async () => {
  await expect(cloudOf().invoke('echo', { text: 'x'.repeat(101 * 1024) }, { openid: 'u' })).rejects.toThrow(/at most 102400/);
});

test('a function that throws rejects the call with its message', async () => {
  await expect(cloudOf().invoke('thrower', { reason: 'no luck' }, { openid: 'u' })).rejects.toThrow(/boom: no luck/);
  // The worker survives a thrown error and serves the next call.
  await expect(cloudOf().invoke('whoami', { delayMs: 0 }, { openid: 'after' })).resolves.toEqual({ before: 'after', after: 'after' });
});

test('a function that does not exist rejects the call', async () => {
  await expect(cloudOf().invoke('missing', {}, { openid: 'u' })).rejects.toThrow(/function not found: missing/);
});

test('a function calling another passes on its caller’s identity', async () => {
  const result = await cloudOf().invoke('caller', { target: 'whoami', data: { delayMs: 0 } }, { openid: 'user-d' });
  expect(result).toEqual({ own: 'user-d', result: { before: 'user-d', after: 'user-d' } });
  const failed = (await cloudOf().invoke('caller', { target: 'thrower', data: { reason: 'deep' } }, { openid: 'user-d' })) as { error: string };
  expect(failed.error).toMatch(/boom: deep/);
});

describe('CloudID', () => {
  test('a group cloudID reaches the function opened, for the user it was issued to', async () => {
    const cloudID = cloudOf().issueGroupCloudId('user-e', 'G-team');
    const result = (await cloudOf().invoke('echo', { share: { __localCloudID: cloudID }, other: 1 }, { openid: 'user-e' })) as { event: Record<string, unknown> };
    expect(result.event.share).toEqual({ cloudID, data: { openGId: 'G-team' } });
    expect(result.event.other).toBe(1);
  });

  test('another user’s cloudID does not open', async () => {
    const cloudID = cloudOf().issueGroupCloudId('user-e', 'G-team');
    const result = (await cloudOf().invoke('echo', { share: { __localCloudID: cloudID } }, { openid: 'user-f' })) as { event: Record<string, unknown> };
    expect(result.event.share).toEqual({ cloudID, errCode: -601006, errMsg: 'cloudID not issued to this user' });
  });

  test('only top-level fields are opened', async () => {
    const cloudID = cloudOf().issueGroupCloudId('user-e', 'G-team');
    const result = (await cloudOf().invoke('echo', { nested: { share: { __localCloudID: cloudID } } }, { openid: 'user-e' })) as { event: Record<string, unknown> };
    expect(result.event.nested).toEqual({ share: { __localCloudID: cloudID } });
  });
});

test('POST /local/invoke runs a function for people using npm start', async () => {
  const response = await fetch(`${cloudOf().url}/local/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'whoami', data: { delayMs: 0 }, openid: 'user-g' }),
  });
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ before: 'user-g', after: 'user-g' });
  const health = await fetch(`${cloudOf().url}/health`);
  expect(await health.json()).toEqual({ ok: true });
});

test('stats count the database actions served until reset', async () => {
  const stats = cloudOf().stats();
  stats.reset();
  expect(cloudOf().stats().dbActions).toEqual({});
  await fetch(`${cloudOf().url}/admin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'database.calculateDocument', collectionName: 'things', queryType: 'WHERE' }),
  });
  expect(cloudOf().stats().dbActions).toEqual({ 'database.calculateDocument': 1 });
});
