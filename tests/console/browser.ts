import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { consoleDist } from '../../scripts/localSession';

const REPO = path.resolve(__dirname, '../..');

/**
 * Headless Chromium from npm alone (no download): the binary ships inside @sparticuz/chromium,
 * an ES module, so a child Node process asks it for the unpacked path and launch arguments.
 */
export async function launchBrowser(): Promise<Browser> {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', "import c from '@sparticuz/chromium'; console.log(JSON.stringify({ path: await c.executablePath(), args: c.args }));"], { cwd: REPO, encoding: 'utf8' });
  const { path: executablePath, args } = JSON.parse(out.trim().split('\n').pop() as string) as { path: string; args: string[] };
  return chromium.launch({ executablePath, args, headless: true });
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
