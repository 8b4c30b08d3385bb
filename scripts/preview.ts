/**
 * npm run preview: a picture of every page of the mini program in the states a worker meets,
 * written to docs/screens/ (375-pt phone at 2x). Builds the functions and miniprogram_npm first
 * when they are missing, then runs the page-rendering test with PREVIEW_SCREENS_DIR set.
 * Afterwards it names every declared state that got no new picture, and (on a full run) removes
 * pictures of states no longer declared, so the folder matches the states.
 *
 *   PREVIEW_PAGES=pages/quiz,pages/me   only the pages whose path contains one of these
 *   PREVIEW_SCREENS_DIR=/tmp/screens    another folder than docs/screens
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './functionList';

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit', env });
  return result.status ?? 1;
}

const built = existsSync(path.join(repoRoot, 'miniprogram/miniprogram_npm/tdesign-miniprogram')) && existsSync(path.join(repoRoot, 'cloudfunctions/account/index.js'));
if (!built && run('npm', ['run', 'build']) !== 0) process.exit(1);

const screens = process.env.PREVIEW_SCREENS_DIR ?? 'docs/screens';
const folder = path.resolve(repoRoot, screens);
const work = mkdtempSync(path.join(os.tmpdir(), 'preview-run-'));
const statesFile = path.join(work, 'states.json');
// File times are kept to the millisecond or coarser: a second of slack is safe, as a run takes far longer.
const started = Date.now() - 1000;
const status = run(process.execPath, [path.join(repoRoot, 'node_modules/jest/bin/jest.js'), '--selectProjects', 'pages', '--runTestsByPath', 'tests/pages/screens.test.ts'], {
  ...process.env,
  PREVIEW_SCREENS_DIR: screens,
  PREVIEW_STATES_FILE: statesFile,
});

const declared: string[] = existsSync(statesFile) ? (JSON.parse(readFileSync(statesFile, 'utf8')) as string[]) : [];
rmSync(work, { recursive: true, force: true });
const fresh = (key: string) => {
  const file = path.join(folder, `${key}.png`);
  return existsSync(file) && statSync(file).mtimeMs >= started;
};
const missed = declared.filter((key) => !fresh(key));
if (declared.length === 0) console.log('the test did not list its states: no pictures were taken');
else if (missed.length > 0) console.log(`${missed.length} of ${declared.length} states got no new picture:\n${missed.map((key) => `  ${key}`).join('\n')}`);
else console.log(`all ${declared.length} states photographed`);

// Only a full run knows every state: a picture no state declares any more is stale.
if (!process.env.PREVIEW_PAGES && declared.length > 0 && existsSync(folder)) {
  const known = new Set(declared);
  const stale = readdirSync(folder).filter((name) => name.endsWith('.png') && !known.has(name.slice(0, -4)));
  for (const name of stale) rmSync(path.join(folder, name));
  if (stale.length > 0) console.log(`removed ${stale.length} pictures of states no longer declared: ${stale.join(', ')}`);
}
console.log(`pictures in ${screens}/`);
process.exit(status !== 0 ? status : missed.length > 0 ? 1 : 0);
