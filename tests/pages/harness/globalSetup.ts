import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startProjectCloud } from '../../../scripts/localSession';

/**
 * One seeded local cloud for all page tests, in jest's main process: the emulator (SQLite, worker
 * threads, esbuild) needs plain Node, not the jsdom realm pages render in. Tests reach it over
 * HTTP like the mini program reaches CloudBase; each test acts as its own worker (openid).
 */
export default async function globalSetup(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'page-cloud-'));
  const cloud = await startProjectCloud({ dataDir });
  process.env.PAGE_CLOUD_URL = cloud.url;
  process.env.PAGE_CLOUD_DATA_DIR = dataDir;
  (globalThis as { pageCloud?: { close(): Promise<void> } }).pageCloud = cloud;
}
