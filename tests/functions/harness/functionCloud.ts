import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LocalCloud } from '../../../localcloud';
import type { ActionInput, ActionResult, Contracts, Domain } from '../../../server/contracts';
import { startProjectCloud } from '../../../scripts/localSession';
import { copySeededTemplate } from '../../harness/seededTemplate';

export interface FunctionCloud {
  cloud: LocalCloud;
  /** Calls an action as the mini program does, as this WeChat user. */
  call<D extends Domain, A extends keyof Contracts[D] & string>(openid: string, domain: D, action: A, input: ActionInput<Contracts[D][A]>): Promise<ActionResult<Contracts[D][A]>>;
  /** Sends anything at all, as a tampered client could. */
  callRaw(openid: string, domain: string, data: unknown): Promise<unknown>;
  close(): Promise<void>;
}

/** The project's built functions on a fresh, seeded local cloud (one per test file). */
export async function startFunctionCloud(options: { seed?: boolean } = {}): Promise<FunctionCloud> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'function-cloud-'));
  const seed = options.seed ?? true;
  // A copy of this run's seeded data folder when there is one (jest's globalSetup), else seeded here.
  const copied = seed && copySeededTemplate(dataDir);
  const cloud = await startProjectCloud({ dataDir, seed: seed && !copied });
  return {
    cloud,
    async call(openid, domain, action, input) {
      return (await cloud.invoke(domain, { action, input }, { openid })) as never;
    },
    callRaw(openid, domain, data) {
      return cloud.invoke(domain, data, { openid });
    },
    async close() {
      await cloud.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
