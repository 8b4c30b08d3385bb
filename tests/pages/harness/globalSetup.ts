import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { GlobalConfig } from 'jest';
import { functionNames } from '../../../scripts/functionList';
import { startProjectCloud } from '../../../scripts/localSession';
import { copySeededTemplate } from '../../harness/seededTemplate';
import unpackChromium from '../../harness/unpackChromium';

/**
 * One seeded local cloud per jest worker, in jest's main process: the emulator (SQLite, worker
 * threads, esbuild) needs plain Node, not the jsdom realm pages render in. Tests reach their
 * worker's cloud over HTTP like the mini program reaches CloudBase; each test acts as its own
 * worker (openid). A cloud per jest worker keeps what the tests rely on when jest runs files side
 * by side: the files of one worker run one after another against one cloud, and no file sees
 * another's writes half way through (a province board, a list of organisations).
 */
export default async function globalSetup(globalConfig: GlobalConfig): Promise<void> {
  // The pictures test launches Chromium: unpacked here, before any worker could race to unpack it.
  unpackChromium();
  const workers = Math.max(1, globalConfig.maxWorkers);
  const clouds = await Promise.all(
    Array.from({ length: workers }, async (_v, i) => {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'page-cloud-'));
      // A copy of the run's seeded folder when the node project's setup wrote one, else seeded here.
      const cloud = await startProjectCloud({ dataDir, seed: !copySeededTemplate(dataDir) });
      await warmUp(cloud.url);
      // jest numbers its workers from 1 (and runs in band as worker 1).
      process.env[`PAGE_CLOUD_URL_${i + 1}`] = cloud.url;
      return { cloud, dataDir };
    }),
  );
  process.env.PAGE_CLOUD_DATA_DIRS = clouds.map((c) => c.dataDir).join(path.delimiter);
  (globalThis as { pageClouds?: Array<{ close(): Promise<void> }> }).pageClouds = clouds.map((c) => c.cloud);
}

/**
 * Loads every function once (an unknown action: answered by the router, nothing written), so the
 * first test of each worker does not spend its waits on starting functions.
 */
async function warmUp(url: string): Promise<void> {
  await Promise.all(
    functionNames().map((name) =>
      fetch(`${url}/local/invoke`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, openid: 'page-test-warm-up', data: { action: 'warmUp', input: {} } }) }).then((reply) => reply.text()),
    ),
  );
}
