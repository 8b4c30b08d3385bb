import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { loginId as loginIdField } from '../contracts/console';
import { auditConsoleWrite } from '../db/console/consoleAudit';
import { findLogin, findSession, insertLogin, insertSession, loginsStartedSince, notePoll, removeSession, updateLoginIf, type SessionDoc } from '../db/console/consoleStore';
import type { Database } from '../db/database';
import { writeAudit } from '../db/requests/requestStore';
import { findUser, rolesOf } from '../db/users';
import { loginStatusAt } from '../actions/console/loginStatus';
import type { OpenApi } from '../platform/openApi';
import { runAction } from '../runtime/router';
import type { ActionContext } from '../runtime/context';
import { browserName } from './browserName';
import { clientAddress } from './clientAddress';
import { catalogEntry } from './consoleCatalog';
import { mayUseConsole } from './consoleRoles';
import { bodyText, cookies, header, json, setCookie, type HttpEvent, type HttpResult } from './httpEvent';

export const SESSION_COOKIE = 'zgzj_console';
export const LOGIN_COOKIE = 'zgzj_login';
/** Every POST must carry it: a cross-site form cannot set a custom header, and a cross-site script needs a CORS preflight we never grant. */
export const CSRF_HEADER = 'x-console-request';

const LOGIN_TTL_MS = 5 * 60_000;
const SESSION_TTL_MS = 8 * 3600_000;
/** Polling faster than this is refused with 429; a login allows at most MAX_POLLS polls. */
export const MIN_POLL_INTERVAL_MS = 1000;
const MAX_POLLS = 400;
/**
 * Each start draws a mini program code (an openapi call with a quota): at most this many starts per
 * client address in the window. Generous, because a union office's cadres share one address.
 */
export const LOGIN_STARTS_PER_WINDOW = 30;
export const LOGIN_START_WINDOW_MS = 10 * 60_000;
/** The page of the mini program the login code opens (the cadre subpackage). */
export const LOGIN_PAGE = 'cadre/consoleLogin/index';

export interface ConsoleDeps {
  db: Database;
  openApi: OpenApi;
  now: Date;
  /** The HTTP access path the console's API is mounted at, e.g. /console-api. */
  basePath: string;
  /** Cookies get Secure everywhere but on the local cloud's plain http. */
  secureCookies: boolean;
  /** Set only in the local cloud: where its invoke endpoint is, for the documented by-hand shortcut. */
  localCloudUrl?: string;
  envVersion: 'release' | 'trial' | 'develop';
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** 20 characters of base62 (about 119 bits): the login id and scene. */
function newLoginId(): string {
  const bytes = randomBytes(40);
  let id = '';
  for (const byte of bytes) {
    if (byte < 248) id += ALPHABET[byte % 62];
    if (id.length === 20) break;
  }
  return id.length === 20 ? id : newLoginId();
}

const fail = (status: number, code: string, message: string, extra: Record<string, string> = {}) => json(status, { ok: false, code, message }, extra);

/** A POST must come from the console's own origin and carry the custom header. */
function sameOriginWrite(event: HttpEvent): boolean {
  if (header(event, CSRF_HEADER) !== '1') return false;
  const origin = header(event, 'origin');
  if (!origin) return true;
  try {
    return new URL(origin).host === header(event, 'host');
  } catch {
    return false;
  }
}

async function startLogin(event: HttpEvent, deps: ConsoleDeps): Promise<HttpResult> {
  const clientKey = sha256(clientAddress(event));
  if ((await loginsStartedSince(deps.db, clientKey, new Date(deps.now.getTime() - LOGIN_START_WINDOW_MS))) >= LOGIN_STARTS_PER_WINDOW) {
    return fail(429, 'TOO_MANY_LOGINS', '登录过于频繁,请稍后再试', { 'retry-after': String(LOGIN_START_WINDOW_MS / 1000) });
  }
  const id = newLoginId();
  const pollKey = randomBytes(24).toString('base64url');
  const expiresAt = new Date(deps.now.getTime() + LOGIN_TTL_MS);
  const code = await deps.openApi.getUnlimitedCode({ scene: id, page: LOGIN_PAGE, envVersion: deps.envVersion, width: 430 });
  await insertLogin(deps.db, {
    _id: id,
    pollKeyHash: sha256(pollKey),
    status: 'waiting',
    browser: browserName(header(event, 'user-agent')),
    createdAt: deps.now,
    expiresAt,
    openid: null,
    confirmedAt: null,
    polls: 0,
    lastPollAt: null,
    clientKey,
  });
  const local = deps.localCloudUrl
    ? {
        // Local only: confirm as any openid by hand, the same action the phone calls.
        confirmCommand: `curl -s ${deps.localCloudUrl}/local/invoke -H 'content-type: application/json' -d '${JSON.stringify({ name: 'console', openid: '<openid>', data: { action: 'confirmLogin', input: { loginId: id } } })}'`,
      }
    : undefined;
  return json(
    200,
    { ok: true, data: { loginId: id, codeImage: `data:${code.contentType};base64,${code.buffer.toString('base64')}`, expiresAt: expiresAt.toISOString(), pollEveryMs: 2000, local } },
    { 'set-cookie': setCookie(LOGIN_COOKIE, pollKey, { path: deps.basePath, maxAgeSeconds: LOGIN_TTL_MS / 1000, secure: deps.secureCookies }) },
  );
}

async function pollLogin(event: HttpEvent, id: string, deps: ConsoleDeps): Promise<HttpResult> {
  const login = loginIdField.safeParse(id).success ? await findLogin(deps.db, id) : null;
  const pollKey = cookies(event)[LOGIN_COOKIE];
  // Only the browser that started the login may collect it: the id is printed in the code for anyone to see.
  if (!login || !pollKey || sha256(pollKey) !== login.pollKeyHash) return fail(404, 'LOGIN_NOT_FOUND', '登录码不存在,请刷新');
  const last = login.lastPollAt ? new Date(login.lastPollAt).getTime() : 0;
  if (deps.now.getTime() - last < MIN_POLL_INTERVAL_MS || login.polls >= MAX_POLLS) {
    return fail(429, 'TOO_MANY_POLLS', '查询过于频繁', { 'retry-after': '2' });
  }
  await notePoll(deps.db, id, deps.now);
  const status = loginStatusAt(login, deps.now);
  if (status !== 'confirmed' || !login.openid) return json(200, { ok: true, data: { status } });
  // One use: the first poll after the confirmation takes the session.
  if (!(await updateLoginIf(deps.db, id, 'confirmed', { status: 'used' }))) return json(200, { ok: true, data: { status: 'used' } });
  const token = randomBytes(32).toString('base64url');
  await insertSession(deps.db, { _id: sha256(token), openid: login.openid, createdAt: deps.now, expiresAt: new Date(deps.now.getTime() + SESSION_TTL_MS) });
  await writeAudit(deps.db, { at: deps.now, actorOpenid: login.openid, action: 'console_login', target: id });
  return json(200, { ok: true, data: { status: 'confirmed' } }, { 'set-cookie': setCookie(SESSION_COOKIE, token, { path: deps.basePath, maxAgeSeconds: SESSION_TTL_MS / 1000, secure: deps.secureCookies }) });
}

/** The caller's session, if the cookie names a live one whose holder still has a console role; a session whose role was revoked ends here. */
async function authenticate(event: HttpEvent, deps: ConsoleDeps): Promise<{ session: SessionDoc; sessionId: string } | HttpResult> {
  const token = cookies(event)[SESSION_COOKIE];
  if (!token) return fail(401, 'UNAUTHENTICATED', '请先扫码登录');
  const sessionId = sha256(token);
  const session = await findSession(deps.db, sessionId);
  if (!session || new Date(session.expiresAt).getTime() <= deps.now.getTime()) return fail(401, 'UNAUTHENTICATED', '登录已过期,请重新扫码');
  if (!mayUseConsole(await rolesOf(deps.db, session.openid))) {
    await removeSession(deps.db, sessionId);
    return fail(401, 'ROLE_REVOKED', '您的工作台权限已被收回');
  }
  return { session, sessionId };
}

const callBody = z.strictObject({ domain: z.string().max(32), action: z.string().max(64), input: z.unknown().optional() });

async function call(event: HttpEvent, deps: ConsoleDeps): Promise<HttpResult> {
  const auth = await authenticate(event, deps);
  if ('statusCode' in auth) return auth;
  let parsedBody: unknown;
  try {
    parsedBody = JSON.parse(bodyText(event) || '{}');
  } catch {
    return fail(400, 'BAD_INPUT', '请求格式错误');
  }
  const body = callBody.safeParse(parsedBody);
  if (!body.success) return fail(400, 'BAD_INPUT', '请求格式错误');
  const { domain, action, input } = body.data;
  const entry = catalogEntry(domain, action);
  if (!entry) return fail(404, 'UNKNOWN_ACTION', '不支持的操作');
  const ctx: ActionContext = { openid: auth.session.openid, appid: '', now: deps.now, rng: Math.random, db: deps.db, openApi: deps.openApi, event: {} };
  const reply = await runAction(`${domain}.${action}`, entry.contract, entry.handler, input, ctx);
  if (entry.audited) {
    await auditConsoleWrite(deps.db, { at: deps.now, actorOpenid: ctx.openid, action: `${domain}.${action}`, detail: JSON.stringify(input ?? {}), ok: reply.ok, ...(reply.ok ? {} : { code: reply.code }) });
  }
  return json(200, reply);
}

async function sessionView(event: HttpEvent, deps: ConsoleDeps): Promise<HttpResult> {
  const auth = await authenticate(event, deps);
  if ('statusCode' in auth) return auth;
  const [user, roles] = await Promise.all([findUser(deps.db, auth.session.openid), rolesOf(deps.db, auth.session.openid)]);
  return json(200, {
    ok: true,
    data: {
      nickname: user?.nickname ?? '工作人员',
      roles: roles.map((r) => ({ role: r.role, orgId: r.orgId })),
      expiresAt: new Date(auth.session.expiresAt).toISOString(),
    },
  });
}

async function logout(event: HttpEvent, deps: ConsoleDeps): Promise<HttpResult> {
  const token = cookies(event)[SESSION_COOKIE];
  if (token) {
    const session = await findSession(deps.db, sha256(token));
    await removeSession(deps.db, sha256(token));
    if (session) await writeAudit(deps.db, { at: deps.now, actorOpenid: session.openid, action: 'console_logout' });
  }
  return json(200, { ok: true, data: { loggedOut: true } }, { 'set-cookie': setCookie(SESSION_COOKIE, '', { path: deps.basePath, maxAgeSeconds: 0, secure: deps.secureCookies }) });
}

/** The console's API: scan login, session, logout, and calls to the catalogued actions. */
export async function handleConsoleHttp(event: HttpEvent, deps: ConsoleDeps): Promise<HttpResult> {
  const base = deps.basePath.replace(/\/$/, '');
  const route = event.path.startsWith(base) ? event.path.slice(base.length) || '/' : event.path;
  const method = event.httpMethod.toUpperCase();
  if (method === 'POST' && !sameOriginWrite(event)) return fail(403, 'CROSS_SITE', '请求来源不被允许');
  try {
    if (method === 'POST' && route === '/login') return await startLogin(event, deps);
    const poll = /^\/login\/([^/]+)$/.exec(route);
    if (method === 'GET' && poll) return await pollLogin(event, poll[1] as string, deps);
    if (method === 'GET' && route === '/session') return await sessionView(event, deps);
    if (method === 'POST' && route === '/logout') return await logout(event, deps);
    if (method === 'POST' && route === '/call') return await call(event, deps);
    return fail(404, 'NOT_FOUND', '没有这个接口');
  } catch (error) {
    console.error(`console ${method} ${route} failed`, error);
    return fail(500, 'INTERNAL', '服务暂时不可用,请稍后再试');
  }
}
