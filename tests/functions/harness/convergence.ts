import type { LocalCloud } from '../../../localcloud';

export interface ConvergenceCase<R> {
  /** The function and router action to break. */
  functionName: string;
  action: string;
  /** Prepares a fresh world for one run; `tag` makes its users and ids distinct from other runs. */
  setup(tag: string): Promise<void>;
  /** The call under test, for the run tagged `tag` (the same call is sent again as the retry). */
  call(tag: string): Promise<R>;
  /** What the run left behind, with the tag written as TAG so runs compare. */
  state(tag: string): Promise<unknown>;
  /** The part of the answer every caller must get alike (default: all of it, tag written as TAG). */
  answer?(result: R, tag: string): unknown;
  /** A guard against a runaway loop. */
  maxCalls?: number;
}

/** Writes every occurrence of the run's tag as TAG, so the states of two runs can be compared. */
export function untagged(value: unknown, tag: string): unknown {
  return JSON.parse(JSON.stringify(value ?? null).split(tag).join('TAG')) as unknown;
}

/**
 * For N = 1, 2, … the call dies at its Nth database request, is retried once, and must then leave
 * the state (and give the answer) of a run without any fault. Stops when N passes the call's last
 * database request; resolves with how many failure points were tried.
 */
export async function expectConvergence<R>(cloud: LocalCloud, spec: ConvergenceCase<R>): Promise<number> {
  const answerOf = spec.answer ?? ((result: R, tag: string) => untagged(result, tag));
  await spec.setup('clean');
  const clean = answerOf(await spec.call('clean'), 'clean');
  const cleanState = await spec.state('clean');
  const max = spec.maxCalls ?? 60;
  for (let n = 1; n <= max; n += 1) {
    const tag = `fault${n}`;
    await spec.setup(tag);
    const fault = cloud.injectFault({ functionName: spec.functionName, action: spec.action, failAtCall: n });
    const first = await spec.call(tag).then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
    if (!fault.fired) {
      cloud.clearFaults();
      if ('error' in first) throw first.error;
      return n - 1;
    }
    const retried = await spec.call(tag);
    expect({ failedAt: n, answer: answerOf(retried, tag) }).toEqual({ failedAt: n, answer: clean });
    expect({ failedAt: n, state: await spec.state(tag) }).toEqual({ failedAt: n, state: cleanState });
  }
  throw new Error(`the call still makes database requests after ${max}`);
}
