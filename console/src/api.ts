/**
 * The console's one client of the backend: the console function behind CloudBase's HTTP access.
 * Types come from server/contracts (type-only imports), so the console and the mini program agree
 * on every action's input and output.
 */
import type { ActionInput, ActionResult, Contracts, Domain } from '../../server/contracts';

/** Where the console function is mounted (HTTP 访问服务); the same domain as the pages, so cookies stay SameSite=Strict. */
export const API_BASE: string = (import.meta.env.VITE_CONSOLE_API as string | undefined) ?? '/console-api';

export type Failure = { ok: false; code: string; message: string };
export type Reply<T> = { ok: true; data: T } | Failure;

/** Set by the app: what to do when the session has ended (expired, logged out, role revoked). */
let onSessionEnded: (failure: Failure) => void = () => undefined;
export function whenSessionEnds(handler: (failure: Failure) => void): void {
  onSessionEnded = handler;
}

export async function http<T>(method: 'GET' | 'POST', route: string, body?: unknown): Promise<Reply<T>> {
  try {
    const response = await fetch(`${API_BASE}${route}`, {
      method,
      credentials: 'same-origin',
      // The same-origin header every state-changing call must carry.
      headers: method === 'POST' ? { 'content-type': 'application/json', 'x-console-request': '1' } : {},
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const reply = (await response.json()) as Reply<T>;
    if (response.status === 401 && route !== '/session') onSessionEnded(reply as Failure);
    return reply;
  } catch {
    return { ok: false, code: 'NETWORK', message: '网络不给力,请稍后重试' };
  }
}

/** Calls one action through the console function: the same contract and role checks as the mini program. */
export function call<D extends Domain, A extends keyof Contracts[D] & string>(domain: D, action: A, input: ActionInput<Contracts[D][A]>): Promise<ActionResult<Contracts[D][A]>> {
  return http('POST', '/call', { domain, action, input }) as Promise<ActionResult<Contracts[D][A]>>;
}

export interface LoginStart {
  loginId: string;
  codeImage: string;
  expiresAt: string;
  pollEveryMs: number;
  local?: { confirmCommand: string };
}

export interface SessionView {
  nickname: string;
  roles: Array<{ role: string; orgId: string | null }>;
  expiresAt: string;
}
