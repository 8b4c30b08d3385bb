import type { LocalCloud } from '../../localcloud';
import { startTestCloud, stopTestCloud } from './helpers/testCloud';

// The openapi endpoint the platform port uses in the local cloud: msgSecCheck v2, mediaCheckAsync v2 and its push, subscription messages.
let localCloud: (LocalCloud & { dataDir: string }) | undefined;

async function openApi(apiName: string, openid: string, payload: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${(localCloud as LocalCloud).url}/local/openapi/${apiName}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid, payload }),
  });
  return (await response.json()) as Record<string, unknown>;
}

beforeEach(async () => {
  localCloud = await startTestCloud();
});

afterEach(() => stopTestCloud(localCloud));

describe('security.msgSecCheck', () => {
  test('text with a blocked word is risky, with the word’s label', async () => {
    const reply = await openApi('security.msgSecCheck', 'u1', { content: '这里有人在赌博', scene: 2, version: 2 });
    expect(reply).toMatchObject({ errcode: 0, errmsg: 'ok', result: { suggest: 'risky', label: 20006 } });
    expect(reply.detail).toEqual(expect.arrayContaining([expect.objectContaining({ strategy: 'keyword', keyword: '赌博', label: 20006 })]));
  });

  test('a blocked word without a label is risky as "other" (21000), case-insensitively', async () => {
    expect(await openApi('security.msgSecCheck', 'u1', { content: 'A BadWord here', scene: 1, version: 2 })).toMatchObject({ result: { suggest: 'risky', label: 21000 } });
  });

  test('clean text passes with label 100', async () => {
    expect(await openApi('security.msgSecCheck', 'u1', { content: '学习四史，争做先锋', scene: 2, version: 2 })).toMatchObject({ errcode: 0, result: { suggest: 'pass', label: 100 } });
  });

  test('version 2 needs an openid', async () => {
    expect(await openApi('security.msgSecCheck', '', { content: 'hi', scene: 2, version: 2 })).toMatchObject({ errcode: 40003 });
  });
});

describe('subscribeMessage.send', () => {
  const message = { touser: 'u1', templateId: 'T-progress', page: 'pages/requests/detail?id=r1', data: { thing1: { value: '已受理' } }, miniprogramState: 'developer' };

  test('a user who accepted the template once gets one message, kept in the outbox', async () => {
    expect((localCloud as LocalCloud).acceptSubscription('u1', ['T-progress'])).toEqual({ errMsg: 'requestSubscribeMessage:ok', 'T-progress': 'accept' });
    expect(await openApi('subscribeMessage.send', 'u1', message)).toEqual({ errcode: 0, errmsg: 'ok' });
    const outbox = await (localCloud as LocalCloud).outbox();
    expect(outbox).toEqual([{ apiName: 'subscribeMessage.send', payload: message, at: expect.any(String) }]);
    const listed = await fetch(`${(localCloud as LocalCloud).url}/local/outbox`);
    expect(await listed.json()).toEqual(outbox);
  });

  test('without an acceptance the send is refused with 43101 and nothing is sent', async () => {
    expect(await openApi('subscribeMessage.send', 'u1', message)).toMatchObject({ errcode: 43101 });
    expect(await (localCloud as LocalCloud).outbox()).toEqual([]);
  });

  test('each acceptance allows one send of that template to that user; acceptances add up', async () => {
    const cloud = localCloud as LocalCloud;
    cloud.acceptSubscription('u1', ['T-progress']);
    cloud.acceptSubscription('u1', ['T-progress', 'T-other']);
    expect(cloud.subscriptionQuota('u1', 'T-progress')).toBe(2);
    expect(await openApi('subscribeMessage.send', 'u2', { ...message, touser: 'u2' })).toMatchObject({ errcode: 43101 });
    expect(await openApi('subscribeMessage.send', 'u1', message)).toMatchObject({ errcode: 0 });
    expect(await openApi('subscribeMessage.send', 'u1', message)).toMatchObject({ errcode: 0 });
    expect(await openApi('subscribeMessage.send', 'u1', message)).toMatchObject({ errcode: 43101 });
    expect(cloud.subscriptionQuota('u1', 'T-progress')).toBe(0);
    expect(await openApi('subscribeMessage.send', 'u1', { ...message, templateId: 'T-other' })).toMatchObject({ errcode: 0 });
    expect(await cloud.outbox()).toHaveLength(3);
  });

  test('the tap on 允许 is also served over HTTP, as the page tests\' wx.requestSubscribeMessage uses it', async () => {
    const url = `${(localCloud as LocalCloud).url}/local/subscriptions`;
    const post = (body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const answer = await post({ openid: 'u1', templateIds: ['T-progress'] });
    expect(await answer.json()).toEqual({ errMsg: 'requestSubscribeMessage:ok', 'T-progress': 'accept' });
    expect((localCloud as LocalCloud).subscriptionQuota('u1', 'T-progress')).toBe(1);
    expect((await post({ openid: 'u1', templateIds: [3] })).status).toBe(400);
  });

  test('a user who turned messages off gets 43101 whatever they accepted', async () => {
    (localCloud as LocalCloud).acceptSubscription('u1', ['T-progress']);
    (localCloud as LocalCloud).refuseSubscription('u1');
    expect(await openApi('subscribeMessage.send', 'u1', message)).toMatchObject({ errcode: 43101 });
    expect(await (localCloud as LocalCloud).outbox()).toEqual([]);
  });

  test('a function reaches the endpoint through LOCAL_CLOUD_URL', async () => {
    (localCloud as LocalCloud).acceptSubscription('u2', ['T-1']);
    const reply = await (localCloud as LocalCloud).invoke('notify', { templateId: 'T-1' }, { openid: 'u2' });
    expect(reply).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(await (localCloud as LocalCloud).outbox()).toEqual([expect.objectContaining({ apiName: 'subscribeMessage.send', payload: expect.objectContaining({ touser: 'u2', templateId: 'T-1' }) })]);
  });
});

test('any other api is answered errcode -1', async () => {
  expect(await openApi('wxacode.get', 'u1', {})).toEqual({ errcode: -1, errmsg: 'not implemented in the local cloud: wxacode.get' });
});

describe('security.mediaCheckAsync', () => {
  test('answers with a trace id at once; completeMediaChecks delivers each pending verdict once, to the configured function', async () => {
    await stopTestCloud(localCloud);
    localCloud = await startTestCloud({ messagePushFunction: 'echo' });
    const reply = await openApi('security.mediaCheckAsync', 'u1', { media_url: 'https://example.com/a.jpg', media_type: 2, version: 2, scene: 3 });
    expect(reply).toMatchObject({ errcode: 0, errmsg: 'ok', trace_id: expect.any(String) });
    expect(await openApi('security.mediaCheckAsync', 'u1', { media_type: 2, version: 2, scene: 3 })).toMatchObject({ errcode: 47001 });
    const seen: string[] = [];
    expect(await localCloud.completeMediaChecks((url) => (seen.push(url), 'pass'))).toBe(1);
    expect(seen).toEqual(['https://example.com/a.jpg']);
    expect(await localCloud.completeMediaChecks(() => 'pass')).toBe(0);
  });

  test('audio is checked too (media_type 1): the verdict is asked knowing the media type; other types are refused', async () => {
    await stopTestCloud(localCloud);
    localCloud = await startTestCloud({ messagePushFunction: 'echo' });
    expect(await openApi('security.mediaCheckAsync', 'u1', { media_url: 'https://example.com/a.mp3', media_type: 1, version: 2, scene: 1 })).toMatchObject({ errcode: 0, trace_id: expect.any(String) });
    await openApi('security.mediaCheckAsync', 'u1', { media_url: 'https://example.com/b.png', media_type: 2, version: 2, scene: 1 });
    expect(await openApi('security.mediaCheckAsync', 'u1', { media_url: 'https://example.com/c.mp4', media_type: 3, version: 2, scene: 1 })).toMatchObject({ errcode: 40097 });
    const seen: Array<[string, number]> = [];
    expect(await localCloud.completeMediaChecks((url, type) => (seen.push([url, type]), 'pass'))).toBe(2);
    expect(seen).toEqual([['https://example.com/a.mp3', 1], ['https://example.com/b.png', 2]]);
  });

  test('by hand, POST /local/media-checks answers every pending check with the verdict it is given', async () => {
    await stopTestCloud(localCloud);
    localCloud = await startTestCloud({ messagePushFunction: 'echo' });
    await openApi('security.mediaCheckAsync', 'u1', { media_url: 'https://example.com/a.mp3', media_type: 1, version: 2, scene: 1 });
    const post = (body: unknown) => fetch(`${(localCloud as LocalCloud).url}/local/media-checks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post({ verdict: 'maybe' })).status).toBe(400);
    expect(await (await post({ verdict: 'risky' })).json()).toEqual({ delivered: 1 });
    expect(await (await post({})).json()).toEqual({ delivered: 0 });
  });

  test('without a message push function, completing the checks is refused', async () => {
    await openApi('security.mediaCheckAsync', 'u1', { media_url: 'https://example.com/a.jpg', media_type: 2, version: 2, scene: 3 });
    await expect((localCloud as LocalCloud).completeMediaChecks(() => 'pass')).rejects.toThrow(/messagePushFunction/);
  });
});
