import { randomInt } from 'node:crypto';
import type { z } from 'zod';
import type { ActionContract, ActionOutput, Failure, ParsedInput } from '../contracts/action';
import { openDatabase } from '../db/database';
import { wxCloud } from '../platform/cloud';
import { openOpenApi } from '../platform/openApi';
import { ActionError } from './actionError';
import type { ActionContext } from './context';
import { describeIssues } from './describeIssues';

export type Handler<C> = (input: ParsedInput<C>, ctx: ActionContext) => Promise<ActionOutput<C>>;
export type Handlers<M extends Record<string, ActionContract>> = { [A in keyof M]: Handler<M[A]> };
export type Reply = { ok: true; data: unknown } | Failure;

/** A number in [0, 1) from 48 random bits. */
function secureRandom(): number {
  return randomInt(0, 2 ** 48 - 1) / 2 ** 48;
}

/** Builds the context of one call; tests and the router share it. */
export function contextFromPlatform(event: Record<string, unknown>): ActionContext | null {
  const wx = wxCloud().getWXContext();
  if (!wx.OPENID) return null;
  return {
    openid: wx.OPENID,
    appid: wx.APPID ?? '',
    now: new Date(),
    // Option ids and orders must not be predictable from earlier ones: a cryptographic source.
    rng: secureRandom,
    db: openDatabase(),
    openApi: openOpenApi(),
    event,
  };
}

function fail(code: string, message: string): Failure {
  return { ok: false, code, message };
}

/**
 * Validates one action's input with its zod contract and runs its handler as `ctx`'s caller. The
 * mini program's router and the console's HTTP entry both go through here: one set of rules.
 */
export async function runAction(action: string, contract: ActionContract, handler: (input: unknown, ctx: ActionContext) => Promise<unknown>, rawInput: unknown, ctx: ActionContext | (() => ActionContext | null)): Promise<Reply> {
  const parsed = (contract.input as z.ZodType).safeParse(rawInput ?? {});
  if (!parsed.success) return fail('BAD_INPUT', describeIssues(parsed.error, contract.labels));
  const context = typeof ctx === 'function' ? ctx() : ctx;
  if (!context) return fail('UNAUTHENTICATED', '请在微信中打开');
  try {
    return { ok: true, data: await handler(parsed.data, context) };
  } catch (error) {
    if (error instanceof ActionError) return fail(error.code, error.message);
    console.error(`action ${action} failed`, error);
    return fail('INTERNAL', '服务暂时不可用,请稍后再试');
  }
}

/**
 * A cloud function's entry: `{ action, input }` → the action's handler, after zod validation.
 * Every answer is `{ ok:true, data }` or `{ ok:false, code, message }`; nothing throws to the client.
 */
export function createRouter<M extends Record<string, ActionContract>>(contracts: M, handlers: Handlers<M>) {
  return async function main(event: unknown): Promise<Reply> {
    const body = (typeof event === 'object' && event !== null ? event : {}) as Record<string, unknown>;
    const action = body.action;
    if (typeof action !== 'string' || !Object.prototype.hasOwnProperty.call(contracts, action)) {
      return fail('UNKNOWN_ACTION', '不支持的操作');
    }
    const handler = handlers[action] as (input: unknown, ctx: ActionContext) => Promise<unknown>;
    return runAction(action, contracts[action] as ActionContract, handler, body.input, () => contextFromPlatform(body));
  };
}
