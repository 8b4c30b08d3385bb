import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LocalCloud } from '../../localcloud';
import { startTestCloud, stopTestCloud } from './helpers/testCloud';

// HTTP 访问服务 and 静态网站托管 as CloudBase delivers them: the integration request/response, no WeChat identity.
let localCloud: (LocalCloud & { dataDir: string }) | undefined;
const site = mkdtempSync(path.join(os.tmpdir(), 'static-site-'));

beforeAll(async () => {
  writeFileSync(path.join(site, 'index.html'), '<!doctype html><title>工作台</title>');
  writeFileSync(path.join(site, 'app-abcdef12.js'), 'console.log(1)');
  localCloud = await startTestCloud({
    httpRoutes: [
      { path: '/api', functionName: 'echo' },
      { path: '/bin', functionName: 'httpReply' },
    ],
    staticSites: [{ path: '/site/', dir: site }],
  });
});

afterAll(async () => {
  await stopTestCloud(localCloud);
  rmSync(site, { recursive: true, force: true });
});

test('a request becomes the integration request: path, method, lower-case headers, query, text body; no WeChat identity', async () => {
  const response = await fetch(`${(localCloud as LocalCloud).url}/api/things?x=1&y=二`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Custom': 'a', 'X-Real-IP': '203.0.113.9', 'X-Forwarded-For': '198.51.100.7' }, body: '{"a":1}' });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const { event, wxContext } = (await response.json()) as { event: Record<string, unknown>; wxContext: Record<string, unknown> };
  expect(event).toMatchObject({ path: '/api/things', httpMethod: 'POST', queryStringParameters: { x: '1', y: '二' }, body: '{"a":1}', isBase64Encoded: false });
  // The gateway's view of the client replaces a forged x-real-ip and ends x-forwarded-for.
  expect(event.headers).toMatchObject({ 'content-type': 'application/json', 'x-custom': 'a', 'x-real-ip': '127.0.0.1', 'x-forwarded-for': '198.51.100.7, 127.0.0.1' });
  expect(event.requestContext).toMatchObject({ envId: 'local-dev', requestId: expect.any(String) });
  expect(event.userInfo).toBeUndefined();
  expect(wxContext.OPENID).toBeUndefined();
});

test('a binary body arrives base64-encoded', async () => {
  const response = await fetch(`${(localCloud as LocalCloud).url}/api/upload`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array([0xff, 0x00, 0x10]) });
  const { event } = (await response.json()) as { event: { body: string; isBase64Encoded: boolean } };
  expect(event.isBase64Encoded).toBe(true);
  expect(Buffer.from(event.body, 'base64')).toEqual(Buffer.from([0xff, 0x00, 0x10]));
});

test('an integration response sets status and headers and is base64-decoded', async () => {
  const response = await fetch(`${(localCloud as LocalCloud).url}/bin/x`);
  expect(response.status).toBe(201);
  expect(response.headers.get('x-path')).toBe('/bin/x');
  expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from([0, 1, 2, 255]));
});

test('static hosting serves the folder, its index for the root, and nothing outside it', async () => {
  const base = (localCloud as LocalCloud).url;
  const page = await fetch(`${base}/site/`);
  expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(await page.text()).toContain('工作台');
  expect((await fetch(`${base}/site/app-abcdef12.js`)).headers.get('cache-control')).toContain('immutable');
  expect((await fetch(`${base}/site/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
  expect((await fetch(`${base}/site/missing.js`)).status).toBe(404);
});
