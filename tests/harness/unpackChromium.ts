import { execFileSync } from 'node:child_process';
import path from 'node:path';

const REPO = path.resolve(__dirname, '../..');

/**
 * Headless Chromium from npm alone (no download): the binary ships compressed inside
 * @sparticuz/chromium (an ES module, so a child Node process asks it), which unpacks it into the
 * temp folder on first use. Its path and launch arguments.
 */
export function chromiumLaunchInfo(): { executablePath: string; args: string[] } {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', "import c from '@sparticuz/chromium'; console.log(JSON.stringify({ path: await c.executablePath(), args: c.args }));"], { cwd: REPO, encoding: 'utf8' });
  const { path: executablePath, args } = JSON.parse(out.trim().split('\n').pop() as string) as { path: string; args: string[] };
  return { executablePath, args };
}

/**
 * jest globalSetup (pages and console): unpacks Chromium once, before any worker starts. The
 * package takes a binary that exists for a finished one, so two workers unpacking on a fresh
 * machine at once let one launch the file the other is still writing (spawn ETXTBSY).
 */
export default function unpackChromium(): void {
  chromiumLaunchInfo();
}
