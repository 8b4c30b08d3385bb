import http from 'node:http';
import type { LocalCloud } from '../../localcloud';
import { connectSdk, startTestCloud, stopTestCloud, type Db } from './helpers/testCloud';

// The store's endpoints answer this machine's tools only: a web page (a foreign Host after DNS
// rebinding, or a cross-site text/plain or form POST) must not be able to write or read the store.
let localCloud: (LocalCloud & { dataDir: string }) | undefined;
let db: Db;

beforeAll(async () => {
  localCloud = await startTestCloud();
  ({ db } = connectSdk(localCloud));
});

afterAll(() => stopTestCloud(localCloud));

function send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; text: string }> {
  const url = new URL((localCloud as LocalCloud).url);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: url.hostname, port: url.port, method, path, headers }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

const insert = (id: string) =>
  JSON.stringify({ action: 'database.insertDocument', collectionName: 'things', envName: 'local-dev', data: [JSON.stringify({ _id: id, planted: true })] });

async function exists(id: string): Promise<boolean> {
  const { total } = (await db.collection('things').where({ _id: id }).count()) as { total: number };
  return total > 0;
}

test('a JSON write from this machine is served (the baseline the refusals are measured against)', async () => {
  const port = new URL((localCloud as LocalCloud).url).port;
  const reply = await send('POST', '/admin', { host: `127.0.0.1:${port}`, 'content-type': 'application/json' }, insert('ok-1'));
  expect(reply.status).toBe(200);
  expect(await exists('ok-1')).toBe(true);
});

test('a request to /admin with a foreign Host is refused and writes nothing', async () => {
  const reply = await send('POST', '/admin', { host: 'attacker.example', 'content-type': 'application/json' }, insert('rebound-1'));
  expect(reply.status).toBe(403);
  expect(await exists('rebound-1')).toBe(false);
});

test.each(['text/plain', 'application/x-www-form-urlencoded', ''])('a POST to /admin declared %p is refused and writes nothing', async (type) => {
  const port = new URL((localCloud as LocalCloud).url).port;
  const headers: Record<string, string> = { host: `127.0.0.1:${port}` };
  if (type) headers['content-type'] = type;
  const id = `plain-${type || 'none'}`.replace(/[^a-z-]/g, '');
  const reply = await send('POST', '/admin', headers, insert(id));
  expect(reply.status).toBe(415);
  expect(await exists(id)).toBe(false);
});

test('the /local endpoints refuse a foreign Host and a text/plain body too', async () => {
  const port = new URL((localCloud as LocalCloud).url).port;
  const invoke = JSON.stringify({ name: 'echo', openid: 'o-1', data: {} });
  expect((await send('POST', '/local/invoke', { host: `127.0.0.1:${port}`, 'content-type': 'text/plain' }, invoke)).status).toBe(415);
  expect((await send('POST', '/local/invoke', { host: `evil.example:${port}`, 'content-type': 'application/json' }, invoke)).status).toBe(403);
  expect((await send('GET', '/local/outbox', { host: 'evil.example' })).status).toBe(403);
  expect((await send('GET', '/local/outbox', { host: `localhost:${port}` })).status).toBe(200);
});

test('a malformed percent-encoding in a file path answers 400, not 500', async () => {
  const port = new URL((localCloud as LocalCloud).url).port;
  const reply = await send('GET', '/local/files/%E0%A4%A', { host: `127.0.0.1:${port}` });
  expect(reply.status).toBe(400);
});
