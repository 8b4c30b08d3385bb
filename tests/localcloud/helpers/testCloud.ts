import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type cloud from 'wx-server-sdk';
import { startLocalCloud, type LocalCloud, type LocalCloudOptions } from '../../../localcloud';
import type { Db } from './promiseDb';

export const FIXTURES = path.resolve(__dirname, '../../fixtures');
export const TEST_COLLECTIONS = path.join(FIXTURES, 'localcloud', 'collections.json');
export const TEST_BLOCKED_WORDS = path.join(FIXTURES, 'localcloud', 'blocked-words.txt');
export const TEST_FUNCTIONS = path.join(FIXTURES, 'functions');

export type Sdk = typeof cloud;
export type { Db } from './promiseDb';

export function temporaryDataDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'localcloud-test-'));
}

/** A local cloud on a fresh data directory with the test collections and fixture functions. */
export async function startTestCloud(options: Partial<LocalCloudOptions> = {}): Promise<LocalCloud & { dataDir: string }> {
  const dataDir = options.dataDir ?? temporaryDataDir();
  const cloudInstance = await startLocalCloud({
    functionsDir: TEST_FUNCTIONS,
    collectionsFile: TEST_COLLECTIONS,
    blockedWordsFile: TEST_BLOCKED_WORDS,
    ...options,
    dataDir,
  });
  return { ...cloudInstance, dataDir };
}

/**
 * The real wx-server-sdk in the test process, pointed at the local cloud the way a deployment
 * script would be (serviceUrl; the SDK's typings lack it). TENCENTCLOUD skips its metadata probe.
 * Each call loads a fresh copy of the SDK: cloud.init() ignores every call after the first, so a
 * test that restarts the local cloud on a new port needs a new SDK, as a new process would have.
 */
export function connectSdk(localCloud: LocalCloud): { cloud: Sdk; db: Db } {
  process.env.TENCENTCLOUD = 'true';
  process.env.SILENCE = 'true';
  let sdk: Sdk | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module instance per connection
    sdk = require('wx-server-sdk') as Sdk;
  });
  const fresh = sdk as Sdk;
  const config = { env: localCloud.envId, serviceUrl: `${localCloud.url}/admin`, secretId: 'test', secretKey: 'test' };
  fresh.init(config as unknown as Parameters<Sdk['init']>[0]);
  return { cloud: fresh, db: fresh.database() as unknown as Db };
}

export async function stopTestCloud(localCloud: (LocalCloud & { dataDir: string }) | undefined): Promise<void> {
  if (!localCloud) return;
  await localCloud.close();
  rmSync(localCloud.dataDir, { recursive: true, force: true });
}
