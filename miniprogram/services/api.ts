/**
 * The one typed client of the backend: every call goes through wx.cloud.callFunction as
 * { action, input } and comes back as { ok:true, data } or { ok:false, code, message }.
 * Types come from server/contracts (type-only imports: nothing from server/ ships in the package).
 */
import type { ActionInput, ActionResult, Contracts, Domain, Failure } from '../../server/contracts';

type DomainClient<D extends Domain> = {
  [A in keyof Contracts[D]]: (input: ActionInput<Contracts[D][A]>) => Promise<ActionResult<Contracts[D][A]>>;
};

export type NetworkFailure = Failure<'NETWORK'>;

function isReply(value: unknown): value is { ok: boolean } {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

export async function callAction(name: string, action: string, input: unknown): Promise<unknown> {
  try {
    const response = await wx.cloud.callFunction({ name, data: { action, input } });
    if (isReply(response.result)) return response.result;
    return { ok: false, code: 'INTERNAL', message: '服务返回异常' };
  } catch (error) {
    console.warn(`callFunction ${name}.${action} failed`, error);
    return { ok: false, code: 'NETWORK', message: '网络不给力,请稍后重试' } satisfies NetworkFailure;
  }
}

/**
 * A domain's client: any action name becomes a call, and the compiler only allows the names and
 * inputs the contracts declare (a Proxy, so no action list needs keeping in step by hand).
 */
function domainClient<D extends Domain>(name: D): DomainClient<D> {
  return new Proxy({} as DomainClient<D>, {
    get: (_target, action) => (typeof action === 'string' ? (input: unknown) => callAction(name, action, input) : undefined),
  });
}

export const api: { [D in Domain]: DomainClient<D> } = {
  account: domainClient('account'),
  reading: domainClient('reading'),
  quiz: domainClient('quiz'),
  requests: domainClient('requests'),
  console: domainClient('console'),
};
