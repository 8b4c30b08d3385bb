import type { LocalCloud } from '../../../localcloud';

export interface ConsoleReply {
  status: number;
  headers: Headers;
  body: { ok: boolean; data?: unknown; code?: string; message?: string };
}

/**
 * A browser's view of the console API over the local cloud's HTTP access: it keeps cookies as a
 * browser would (only name=value goes back), sends the same-origin header, and logs in by scanning.
 */
export class ConsoleClient {
  readonly jar = new Map<string, string>();

  constructor(private readonly cloud: LocalCloud) {}

  async request(method: 'GET' | 'POST', route: string, body?: unknown, headers: Record<string, string> = {}): Promise<ConsoleReply> {
    const response = await fetch(`${this.cloud.url}/console-api${route}`, {
      method,
      headers: {
        ...(method === 'POST' ? { 'content-type': 'application/json', 'x-console-request': '1' } : {}),
        ...(this.jar.size ? { cookie: [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (attributes.some((a) => a.trim() === 'Max-Age=0')) this.jar.delete(name.trim());
      else this.jar.set(name.trim(), value.trim());
    }
    return { status: response.status, headers: response.headers, body: (await response.json()) as ConsoleReply['body'] };
  }

  /** Calls a catalogued action as the logged-in user; resolves with { ok, data } or the failure. */
  async call<T = unknown>(domain: string, action: string, input: unknown): Promise<{ ok: true; data: T } | { ok: false; code: string; message: string }> {
    return (await this.request('POST', '/call', { domain, action, input })).body as never;
  }

  async startLogin(): Promise<string> {
    const started = await this.request('POST', '/login');
    return (started.body.data as { loginId: string }).loginId;
  }

  /** Polls as the login page does (no faster than the server allows) until the login is no longer waiting. */
  async waitForLogin(loginId: string): Promise<string> {
    for (let i = 0; i < 20; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 1050));
      const polled = await this.request('GET', `/login/${loginId}`);
      const status = (polled.body.data as { status?: string } | undefined)?.status;
      if (status && status !== 'waiting') return status;
    }
    throw new Error('the login was never confirmed');
  }

  /** The real flow: start a login, confirm it on "the phone" as this WeChat user, collect the session. */
  async logInAs(openid: string): Promise<void> {
    const loginId = await this.startLogin();
    const confirmed = (await this.cloud.invoke('console', { action: 'confirmLogin', input: { loginId } }, { openid })) as { ok: boolean; message?: string };
    if (!confirmed.ok) throw new Error(`confirm failed: ${confirmed.message}`);
    const status = await this.waitForLogin(loginId);
    if (status !== 'confirmed') throw new Error(`login ended as ${status}`);
  }
}
