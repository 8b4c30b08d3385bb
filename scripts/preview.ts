/**
 * npm run preview: a picture of every page of the mini program in the states a worker meets,
 * written to docs/screens/ (375-pt phone at 2x). Builds the functions and miniprogram_npm first
 * when they are missing, then runs the page-rendering test with PREVIEW_SCREENS_DIR set.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './functionList';

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit', env });
  return result.status ?? 1;
}

const built = existsSync(path.join(repoRoot, 'miniprogram/miniprogram_npm/tdesign-miniprogram')) && existsSync(path.join(repoRoot, 'cloudfunctions/account/index.js'));
if (!built && run('npm', ['run', 'build']) !== 0) process.exit(1);

const screens = process.env.PREVIEW_SCREENS_DIR ?? 'docs/screens';
const status = run(process.execPath, [path.join(repoRoot, 'node_modules/jest/bin/jest.js'), '--selectProjects', 'pages', '--runTestsByPath', 'tests/pages/screens.test.ts'], { ...process.env, PREVIEW_SCREENS_DIR: screens });
console.log(`pictures in ${screens}/`);
process.exit(status);
