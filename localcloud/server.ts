import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudError } from './cloudError';
import type { DatabaseActions, DatabaseRequest } from './database/databaseActions';
import type { FunctionHost } from './functionHost/functionHost';
import type { OpenApiEmulator } from './openapi/openApiEmulator';
import type { FileStorage } from './storage/fileStorage';
import { integrationRequest, integrationResponse, matchRoute, staticFile, type HttpRoute, type PlainResponse, type StaticSite } from './httpAccess';

export interface ServerParts {
  database: DatabaseActions;
  storage: FileStorage;
  functions: FunctionHost;
  openApi: OpenApiEmulator;
  envId: string;
  /** HTTP 访问服务: paths routed to functions. */
  httpRoutes: readonly HttpRoute[];
  /** 静态网站托管: folders served under paths. */
  staticSites: readonly StaticSite[];
  /** WeChat answering the pending media checks with one verdict (LocalCloud.completeMediaChecks). */
  completeMediaChecks?: (verdict: () => 'pass' | 'risky') => Promise<number>;
}

/** CloudBase's HTTP access accepts request bodies up to about 6 MB (the function's synchronous event limit). */
const MAX_HTTP_ACCESS_BYTES = 6 * 1024 * 1024;

function sendPlain(response: http.ServerResponse, plain: PlainResponse, head: boolean): void {
  response.writeHead(plain.status, { ...plain.headers, 'content-length': plain.body.length });
  response.end(head ? undefined : plain.body);
}

const MAX_JSON_BYTES = 10 * 1024 * 1024;
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(request: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new HttpError(413, `body larger than ${limit} bytes`));
        request.destroy();
      } else {
        chunks.push(chunk);
      }
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

async function readJson(request: http.IncomingMessage): Promise<Record<string, unknown>> {
  const text = (await readBody(request, MAX_JSON_BYTES)).toString('utf8');
  try {
    const value = JSON.parse(text || '{}') as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new HttpError(400, 'expected a JSON object');
}

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

/**
 * The server SDK's API (POST /admin), answered like CloudBase: HTTP 200 with `{ requestId, … }`,
 * or `{ requestId, code, message }` for an error, which the SDK turns into a rejection.
 */
async function admin(parts: ServerParts, request: http.IncomingMessage): Promise<Record<string, unknown>> {
  if ((request.headers['content-type'] ?? '').startsWith('multipart/form-data')) {
    await readBody(request, MAX_UPLOAD_BYTES);
    throw new CloudError('INVALID_PARAM', 'wx.openApi is not emulated: call WeChat openapi through server/platform (LOCAL_CLOUD_URL)');
  }
  const body = await readJson(request);
  const action = typeof body.action === 'string' ? body.action : '';
  if (action.startsWith('database.')) {
    parts.functions.faults.beforeDatabaseCall(typeof body.tcb_sessionToken === 'string' ? body.tcb_sessionToken : undefined);
    return parts.database.handle(body as unknown as DatabaseRequest, parts.functions.callOf(body.tcb_sessionToken));
  }
  if (action.startsWith('storage.')) return parts.storage.handle(body);
  if (action === 'functions.invokeFunction') {
    const result = await parts.functions.invokeFromFunction(body.function_name, body.request_data, body.tcb_sessionToken);
    return { data: { response_data: JSON.stringify(result) } };
  }
  throw new CloudError('INVALID_PARAM', `not implemented in the local cloud: ${action || '(no action)'}`);
}

/**
 * The store's own endpoints (/admin and /local/*) answer only this machine's tools: a Host that is
 * not this server's loopback address (DNS rebinding) is refused, and so is a POST whose body is not
 * declared JSON (a web page can send text/plain or a form without a preflight, never JSON).
 */
function assertLocalCaller(request: http.IncomingMessage, method: string, pathname: string, port: number): void {
  const host = (request.headers.host ?? '').toLowerCase();
  if (![`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(host)) throw new HttpError(403, `Host ${host || '(none)'} is not this local cloud`);
  if (method !== 'POST') return;
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  // The server SDK's openapi transport is multipart: /admin answers it with an explanation and writes nothing.
  const explained = pathname === '/admin' && type === 'multipart/form-data';
  if (type !== 'application/json' && !explained) throw new HttpError(415, 'expected content-type application/json');
}

/** One decoded path segment; malformed percent-encoding is the client's error. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, 'malformed percent-encoding in the path');
  }
}

async function route(parts: ServerParts, request: http.IncomingMessage, response: http.ServerResponse, port: number): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://local');
  const { pathname } = url;
  const method = request.method ?? 'GET';
  if (pathname === '/admin' || pathname.startsWith('/local/')) assertLocalCaller(request, method, pathname, port);

  if (method === 'POST' && pathname === '/admin') {
    const requestId = randomBytes(8).toString('hex');
    try {
      sendJson(response, 200, { requestId, ...(await admin(parts, request)) });
    } catch (error) {
      if (!(error instanceof CloudError)) throw error;
      sendJson(response, 200, { requestId, code: error.code, message: error.message });
    }
    return;
  }
  if (method === 'PUT' && pathname.startsWith('/local/storage/upload/')) {
    const accepted = await parts.storage.acceptUpload(pathname.slice('/local/storage/upload/'.length), await readBody(request, MAX_UPLOAD_BYTES));
    if (!accepted) throw new HttpError(403, 'unknown or expired upload URL');
    // COS answers a successful PUT with an empty body (the SDK parses a non-empty one as an XML error).
    response.writeHead(200, { 'content-length': 0 });
    response.end();
    return;
  }
  if ((method === 'GET' || method === 'HEAD') && pathname.startsWith('/local/files/')) {
    const cloudPath = pathname.slice('/local/files/'.length).split('/').map(decodeSegment).join('/');
    const file = await parts.storage.read(cloudPath);
    if (!file) throw new HttpError(404, `no file at ${cloudPath}`);
    response.writeHead(200, { 'content-type': file.contentType, 'content-length': file.bytes.length });
    response.end(method === 'HEAD' ? undefined : file.bytes);
    return;
  }
  if (method === 'POST' && pathname.startsWith('/local/openapi/')) {
    const body = await readJson(request);
    sendJson(response, 200, await parts.openApi.call(decodeSegment(pathname.slice('/local/openapi/'.length)), body.openid, body.payload));
    return;
  }
  if (method === 'POST' && pathname === '/local/invoke') {
    const body = await readJson(request);
    if (typeof body.name !== 'string' || typeof body.openid !== 'string') throw new HttpError(400, 'expected { name, data, openid }');
    try {
      sendJson(response, 200, await parts.functions.invokeFromClient(body.name, body.data, body.openid));
    } catch (error) {
      sendJson(response, 500, { errMsg: (error as Error).message });
    }
    return;
  }
  if (method === 'POST' && pathname === '/local/subscriptions') {
    // The mini program's wx.requestSubscribeMessage, as a test harness taps 允许.
    const body = await readJson(request);
    const ids = body.templateIds;
    if (typeof body.openid !== 'string' || !body.openid || !Array.isArray(ids) || !ids.every((id) => typeof id === 'string' && id)) throw new HttpError(400, 'expected { openid, templateIds: string[] }');
    sendJson(response, 200, parts.openApi.acceptSubscription(body.openid, ids as string[]));
    return;
  }
  if (method === 'POST' && pathname === '/local/media-checks') {
    // Trying the product by hand: WeChat's verdict on every pending photo, avatar, cover and audio check.
    const body = await readJson(request);
    const verdict = body.verdict ?? 'pass';
    if (verdict !== 'pass' && verdict !== 'risky') throw new HttpError(400, "expected { verdict: 'pass' | 'risky' }");
    if (!parts.completeMediaChecks) throw new HttpError(400, 'no message push function is configured');
    sendJson(response, 200, { delivered: await parts.completeMediaChecks(() => verdict) });
    return;
  }
  if (method === 'GET' && pathname === '/local/outbox') {
    sendJson(response, 200, parts.openApi.outbox());
    return;
  }
  const httpRoute = matchRoute(parts.httpRoutes, pathname);
  if (httpRoute) {
    const event = integrationRequest(request, url, await readBody(request, MAX_HTTP_ACCESS_BYTES), parts.envId);
    try {
      sendPlain(response, integrationResponse(await parts.functions.invokeFromHttp(httpRoute.functionName, event)), method === 'HEAD');
    } catch (error) {
      // CloudBase answers a function that threw with a 500 and a JSON error body.
      sendJson(response, 500, { code: 'FUNCTIONS_EXECUTE_FAIL', message: (error as Error).message });
    }
    return;
  }
  if (method === 'GET' || method === 'HEAD') {
    for (const site of parts.staticSites) {
      const file = staticFile(site, pathname);
      if (file) {
        sendPlain(response, file, method === 'HEAD');
        return;
      }
    }
  }
  if (method === 'GET' && pathname === '/health') {
    sendJson(response, 200, { ok: true });
    return;
  }
  throw new HttpError(404, `no route for ${method} ${pathname}`);
}

/** Starts the HTTP server on 127.0.0.1 only; port 0 picks a free port. */
export async function startServer(parts: ServerParts, port: number): Promise<{ url: string; close(): Promise<void> }> {
  let bound = 0;
  const server = http.createServer((request, response) => {
    route(parts, request, response, bound).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (!response.headersSent) sendJson(response, status, { error: (error as Error).message });
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // The SDK keeps connections alive; close them so close() does not wait for their timeout.
        server.closeAllConnections();
      }),
  };
}
