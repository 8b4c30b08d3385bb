import type { LocalCloud } from '../../../localcloud';
import { connectSdk, type Db } from '../../localcloud/helpers/testCloud';
import { startFunctionCloud, type FunctionCloud } from './functionCloud';

export interface ConvergenceCase<R> {
  /** The function and router action to break (no action: a timer, or any invocation of the function). */
  functionName: string;
  action?: string;
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
    const fault = cloud.injectFault({ functionName: spec.functionName, ...(spec.action ? { action: spec.action } : {}), failAtCall: n });
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

/** One seeded function cloud per test file, with the SDK beside it to read what a run left behind. */
export interface ConvergenceWorld {
  readonly fc: FunctionCloud;
  readonly db: Db;
  /** Every document of a collection matching `where` (a test's own few). */
  all(collection: string, where: Record<string, unknown>): Promise<Array<Record<string, unknown>>>;
  /** A worker's points as they stand: ledger entries, caps and board scores (no times, no award marks). */
  points(openid: string): Promise<{ ledger: unknown[]; caps: unknown[]; boards: unknown[] }>;
}

/** Starts the file's cloud before its tests and stops it after them; `timeoutMs` is the file's test timeout. */
export function convergenceWorld(timeoutMs: number): ConvergenceWorld {
  jest.setTimeout(timeoutMs);
  let fc: FunctionCloud | undefined;
  let db: Db | undefined;
  beforeAll(async () => {
    fc = await startFunctionCloud();
    ({ db } = connectSdk(fc.cloud));
  });
  afterAll(async () => {
    await fc?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the convergence cloud is not started yet');
    return value;
  };
  const world: ConvergenceWorld = {
    get fc() {
      return started(fc);
    },
    get db() {
      return started(db);
    },
    async all(collection, where) {
      const { data } = (await world.db.collection(collection).where(where).limit(1000).get()) as { data: Array<Record<string, unknown>> };
      return data;
    },
    async points(openid) {
      const ledger = (await world.all('points_ledger', { openid })).map(({ source, sourceId, points: awarded, boardsPending }) => ({ source, sourceId, points: awarded, boardsPending }));
      const caps = (await world.all('points_caps', { openid })).map(({ source, total }) => ({ source, total }));
      const boards = (await world.all('board_entries', { openid }))
        .map(({ _id, dayScore, weekScore, allScore }) => ({ _id, dayScore, weekScore, allScore }))
        .sort((a, b) => String(a._id).localeCompare(String(b._id)));
      return { ledger, caps, boards };
    },
  };
  return world;
}
