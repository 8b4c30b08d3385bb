import { rmSync } from 'node:fs';
import path from 'node:path';

export default async function globalTeardown(): Promise<void> {
  await Promise.all(((globalThis as { pageClouds?: Array<{ close(): Promise<void> }> }).pageClouds ?? []).map((cloud) => cloud.close()));
  for (const dir of (process.env.PAGE_CLOUD_DATA_DIRS ?? '').split(path.delimiter).filter(Boolean)) rmSync(dir, { recursive: true, force: true });
}
