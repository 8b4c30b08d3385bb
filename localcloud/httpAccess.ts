import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';

/** A path of the environment's domain routed to a function (HTTP 访问服务), e.g. /console-api → console. */
export interface HttpRoute {
  path: string;
  functionName: string;
}

/** A folder served as static hosting (静态网站托管) under a path, e.g. /console/ → console/dist. */
export interface StaticSite {
  path: string;
  dir: string;
}

export function matchRoute(routes: readonly HttpRoute[], pathname: string): HttpRoute | undefined {
  return routes.find((r) => pathname === r.path || pathname.startsWith(`${r.path.replace(/\/$/, '')}/`));
}

/**
 * The integration request (集成请求) CloudBase builds from an HTTP request: path, httpMethod,
 * headers (lower-case names), queryStringParameters, requestContext, body and isBase64Encoded. A
 * body that is not text (or not valid UTF-8) arrives base64-encoded. Like Tencent Cloud's gateway,
 * it writes the address it saw the connection come from into x-real-ip (replacing any copy the
 * client sent) and appends it to x-forwarded-for.
 */
export function integrationRequest(request: http.IncomingMessage, url: URL, body: Buffer, envId: string): Record<string, unknown> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  const peer = (request.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
  headers['x-real-ip'] = peer;
  headers['x-forwarded-for'] = headers['x-forwarded-for'] ? `${headers['x-forwarded-for']}, ${peer}` : peer;
  const query: Record<string, string> = {};
  for (const [key, value] of url.searchParams) query[key] = value;
  const type = headers['content-type'] ?? '';
  const textual = body.length === 0 || /^(text\/|application\/(json|x-www-form-urlencoded|xml|javascript))/.test(type);
  const utf8 = body.toString('utf8');
  const base64 = !textual || Buffer.from(utf8, 'utf8').length !== body.length;
  return {
    path: url.pathname,
    httpMethod: request.method ?? 'GET',
    headers,
    queryStringParameters: query,
    requestContext: { requestId: randomBytes(16).toString('hex'), envId, appId: 0, uin: 0 },
    body: base64 ? body.toString('base64') : utf8,
    isBase64Encoded: base64,
  };
}

export interface PlainResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * The function's value as CloudBase turns it into HTTP: an integration response (an object with
 * statusCode) is used as given (body base64-decoded when isBase64Encoded); any other object becomes
 * JSON; a string or number becomes text/plain.
 */
export function integrationResponse(value: unknown): PlainResponse {
  if (typeof value === 'object' && value !== null && typeof (value as { statusCode?: unknown }).statusCode === 'number') {
    const reply = value as { statusCode: number; headers?: Record<string, unknown>; body?: unknown; isBase64Encoded?: boolean };
    const headers: Record<string, string> = {};
    for (const [name, v] of Object.entries(reply.headers ?? {})) headers[name.toLowerCase()] = String(v);
    const text = typeof reply.body === 'string' ? reply.body : reply.body === undefined ? '' : JSON.stringify(reply.body);
    return { status: reply.statusCode, headers, body: reply.isBase64Encoded ? Buffer.from(text, 'base64') : Buffer.from(text, 'utf8') };
  }
  if (typeof value === 'string' || typeof value === 'number') return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: Buffer.from(String(value), 'utf8') };
  return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: Buffer.from(JSON.stringify(value ?? null), 'utf8') };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/** A file of a static site, or null; a folder answers with its index.html. Paths never leave the site's folder. */
export function staticFile(site: StaticSite, pathname: string): PlainResponse | null {
  const prefix = site.path.replace(/\/$/, '');
  if (pathname !== prefix && !pathname.startsWith(`${prefix}/`)) return null;
  if (pathname === prefix) return { status: 301, headers: { location: `${prefix}/` }, body: Buffer.alloc(0) };
  const relative = decodeURIComponent(pathname.slice(prefix.length + 1));
  const root = path.resolve(site.dir);
  let file = path.resolve(root, relative);
  if (file !== root && !file.startsWith(`${root}${path.sep}`)) return null;
  if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (!existsSync(file)) return null;
  // Hashed assets never change; the page itself is always fetched afresh.
  const cache = /[-.][A-Za-z0-9_-]{8,}\.(js|css|woff2?|png|svg)$/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
  return { status: 200, headers: { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': cache }, body: readFileSync(file) };
}
