import type { z } from 'zod';
import type { FieldName, FieldNames } from './issueMessages';

/** Error codes every action may return, besides its own. */
export const commonErrors = ['BAD_INPUT', 'UNKNOWN_ACTION', 'UNAUTHENTICATED', 'FORBIDDEN', 'CONTENT_REJECTED', 'CONFLICT', 'INTERNAL'] as const;
export type CommonError = (typeof commonErrors)[number];

/**
 * One action's contract: the zod input schema and its error codes; the output type rides along as
 * a phantom so that the function and the mini program's api client agree on it.
 */
export interface ActionContract<I extends z.ZodType = z.ZodType, O = unknown, E extends string = string> {
  readonly input: I;
  readonly errors: readonly E[];
  /** Names of this action's fields where the common ones (fieldLabels.ts) do not fit, for BAD_INPUT answers. */
  readonly labels?: FieldNames;
  /** Never set at run time: carries the output type. */
  readonly output?: O;
}

/** The input's own field names (top level), so a contract can only name fields it has. */
type InputKeys<I extends z.ZodType> = z.input<I> extends infer T ? (T extends object ? Extract<keyof T, string> : never) : never;
export type FieldLabels<I extends z.ZodType> = { readonly [K in InputKeys<I>]?: FieldName };

export function defineAction<O>() {
  return <I extends z.ZodType, const E extends readonly string[] = readonly []>(spec: { input: I; errors?: E; labels?: FieldLabels<I> }): ActionContract<I, O, E[number]> => ({
    input: spec.input,
    errors: (spec.errors ?? []) as readonly E[number][],
    ...(spec.labels ? { labels: spec.labels as FieldNames } : {}),
  });
}

export type ActionInput<C> = C extends ActionContract<infer I, unknown, string> ? z.input<I> : never;
export type ParsedInput<C> = C extends ActionContract<infer I, unknown, string> ? z.output<I> : never;
export type ActionOutput<C> = C extends ActionContract<z.ZodType, infer O, string> ? O : never;
export type ActionErrorCode<C> = C extends ActionContract<z.ZodType, unknown, infer E> ? E | CommonError : never;

export type Failure<Code extends string = string> = { ok: false; code: Code; message: string };
export type ActionResult<C> = { ok: true; data: ActionOutput<C> } | Failure<ActionErrorCode<C>>;

/** What the mini program sends to a function: `wx.cloud.callFunction({ name, data: { action, input } })`. */
export interface ActionEvent {
  action: string;
  input?: unknown;
}
