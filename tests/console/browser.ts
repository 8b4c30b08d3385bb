import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { consoleDist } from '../../scripts/localSession';
import { chromiumLaunchInfo } from '../harness/unpackChromium';
import { startFunctionCloud, type FunctionCloud } from '../functions/harness/functionCloud';
import { connectSdk, type Db } from '../localcloud/helpers/testCloud';

const REPO = path.resolve(__dirname, '../..');

/** Headless Chromium from npm alone (unpacked before the workers start: tests/harness/unpackChromium.ts). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ ...chromiumLaunchInfo(), headless: true });
}

/** The console as `npm run build` leaves it (npm test builds first); built here when missing. */
export async function ensureConsoleBuilt(): Promise<void> {
  if (existsSync(path.join(consoleDist, 'index.html'))) return;
  execFileSync(process.execPath, [path.join(REPO, 'node_modules/tsx/dist/cli.mjs'), '-e', "require('./scripts/buildConsole').buildConsole()"], { cwd: REPO, stdio: 'inherit' });
}

/** Waits for the login page's code, confirms it on "the phone" with the mini program's own action, and waits for the console. */
export async function logInByScanning(page: Page, baseUrl: string, confirm: (loginId: string) => Promise<void>): Promise<void> {
  await page.goto(`${baseUrl}/console/`);
  const code = page.locator('[data-test=login-code]');
  await code.waitFor();
  const loginId = (await code.getAttribute('data-login-id')) as string;
  await confirm(loginId);
  await page.locator('[data-test=who]').waitFor({ timeout: 20000 });
}

/** The data of a successful reply; a failed one fails the test with its code and message. */
export function ok<T>(reply: { ok: true; data: T } | { ok: false; code: string; message: string }): T {
  if (!reply.ok) throw new Error(`${reply.code}: ${reply.message}`);
  return reply.data;
}

/** A test file's console: its own seeded cloud and one browser page, logged in by scanning. */
export interface ConsoleFile {
  readonly fc: FunctionCloud;
  /** The server SDK on the file's cloud, to read what the console's actions wrote. */
  readonly db: Db;
  readonly page: Page;
  /** Opens a route of the console afresh (a reload, so the route's page loads its data again). */
  open(route: string): Promise<void>;
}

/**
 * Starts the file's cloud before its tests: `prepare` writes the file's own data and returns who
 * logs in (confirming on the phone with the mini program's own action); the page is in Beijing
 * time, as the console's users are. Stops both after the file's tests.
 */
export function consoleFile(prepare: (fc: FunctionCloud, db: Db) => Promise<string>): ConsoleFile {
  let fc: FunctionCloud | undefined;
  let db: Db | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    await ensureConsoleBuilt();
    const cloud = await startFunctionCloud();
    fc = cloud;
    db = connectSdk(cloud.cloud).db;
    const openid = await prepare(cloud, db);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 860 }, timezoneId: 'Asia/Shanghai' });
    await logInByScanning(page, cloud.cloud.url, async (loginId) => {
      ok(await cloud.call(openid, 'console', 'confirmLogin', { loginId }));
    });
  });
  afterAll(async () => {
    await browser?.close();
    await fc?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the console file has not started');
    return value;
  };
  return {
    get fc() {
      return started(fc);
    },
    get db() {
      return started(db);
    },
    get page() {
      return started(page);
    },
    async open(route) {
      await started(page).goto(`${started(fc).cloud.url}/console/#/${route}`);
      await started(page).reload();
    },
  };
}
