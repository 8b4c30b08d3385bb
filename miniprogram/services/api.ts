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

function domainClient<D extends Domain>(name: D, actions: ReadonlyArray<keyof Contracts[D] & string>): DomainClient<D> {
  const client: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const action of actions) client[action] = (input) => callAction(name, action, input);
  return client as DomainClient<D>;
}

/**
 * The action lists are checked against the contracts by the compiler (see `satisfies` below), so a
 * contract without a client method, or a method without a contract, fails `npm run check`.
 */
const actionNames = {
  account: ['getProfile', 'updateProfile', 'listOrgs'],
} as const satisfies { [D in Domain]: ReadonlyArray<keyof Contracts[D]> };

type Exhaustive<D extends Domain> = Exclude<keyof Contracts[D], (typeof actionNames)[D][number]> extends never ? true : false;
const exhaustive: { [D in Domain]: Exhaustive<D> } = { account: true };
void exhaustive;

export const api = {
  account: domainClient('account', actionNames.account),
};
