/**
 * CloudBase's HTTP 访问服务 hands an ordinary function the request as its event (集成请求) and turns
 * the returned { statusCode, headers, body, isBase64Encoded } (集成响应) into the HTTP response.
 */
export interface HttpEvent {
  path: string;
  httpMethod: string;
  headers: Record<string, string>;
  queryStringParameters?: Record<string, string>;
  body?: string;
  isBase64Encoded?: boolean;
  requestContext?: Record<string, unknown>;
}

export interface HttpResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded?: boolean;
}

export function isHttpEvent(event: unknown): event is HttpEvent {
  const e = event as Partial<HttpEvent> | null;
  return typeof e === 'object' && e !== null && typeof e.httpMethod === 'string' && typeof e.path === 'string' && typeof e.headers === 'object';
}

/** Header names arrive lower-case from the gateway; normalise anyway. */
export function header(event: HttpEvent, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

export function cookies(event: HttpEvent): Record<string, string> {
  const jar: Record<string, string> = {};
  for (const part of (header(event, 'cookie') ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) jar[part.slice(0, at).trim()] = decodeURIComponent(part.slice(at + 1).trim());
  }
  return jar;
}

export function bodyText(event: HttpEvent): string {
  if (!event.body) return '';
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

/** The JSON body, or undefined when it is not JSON. */
export function jsonBody(event: HttpEvent): unknown {
  const text = bodyText(event);
  if (!text) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const NO_STORE = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

export function json(statusCode: number, value: unknown, extra: Record<string, string> = {}): HttpResult {
  return { statusCode, headers: { 'content-type': 'application/json; charset=utf-8', ...NO_STORE, ...extra }, body: JSON.stringify(value) };
}

export interface CookieOptions {
  path: string;
  maxAgeSeconds: number;
  secure: boolean;
}

/** HttpOnly (no script reads it) and SameSite=Strict (no other site's page sends it). */
export function setCookie(name: string, value: string, options: CookieOptions): string {
  return [`${name}=${encodeURIComponent(value)}`, `Path=${options.path}`, `Max-Age=${options.maxAgeSeconds}`, 'HttpOnly', 'SameSite=Strict', ...(options.secure ? ['Secure'] : [])].join('; ');
}
