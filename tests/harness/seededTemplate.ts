import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startProjectCloud } from '../../scripts/localSession';

/**
 * The seed content written once per jest run into a closed local cloud's data folder; each test
 * file's cloud starts from a copy of it. Seeding through the admin API (every question, story and
 * organisation, as a deployment does) takes seconds of a busy CI core; copying the folder takes
 * milliseconds and gives the same documents and indexes. tests/scripts/seed.test.ts still seeds
 * the real way.
 */
const TEMPLATE_ENV = 'SEEDED_CLOUD_TEMPLATE';

/** jest globalSetup (node and console projects): seeds the template, once for the whole run. */
export default async function seedTemplate(): Promise<void> {
  const existing = process.env[TEMPLATE_ENV];
  if (existing && existsSync(existing)) return;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'seeded-cloud-'));
  const cloud = await startProjectCloud({ dataDir });
  await cloud.close();
  // Workers are started after globalSetup and inherit the variable.
  process.env[TEMPLATE_ENV] = dataDir;
}

/** jest globalTeardown: removes the template (the last project's teardown finds it gone). */
export function removeTemplate(): void {
  const dir = process.env[TEMPLATE_ENV];
  if (dir) rmSync(dir, { recursive: true, force: true });
}

/** Fills dataDir with the seeded content; false when this run has no template (seed as usual). */
export function copySeededTemplate(dataDir: string): boolean {
  const template = process.env[TEMPLATE_ENV];
  if (!template || !existsSync(template)) return false;
  cpSync(template, dataDir, { recursive: true });
  return true;
}
