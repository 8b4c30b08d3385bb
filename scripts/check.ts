/**
 * npm run check: the checks WeChat DevTools does not do. DevTools only strips TypeScript types, so
 * tsc is the only type check; eslint; and an offline compile of the whole mini program with
 * miniprogram-ci, which fails on a broken page (missing file or component, WXML/WXSS/TS syntax).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './functionList';
import { compileMiniprogram, PACKAGE_LIMIT_BYTES } from './compileMiniprogram';

function run(title: string, command: string, args: string[]): boolean {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
  const ok = result.status === 0;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

async function main(): Promise<void> {
  const bin = (name: string) => path.join(repoRoot, 'node_modules', '.bin', name);
  const results = [
    run('tsc: mini program', bin('tsc'), ['--noEmit', '-p', 'tsconfig.miniprogram.json']),
    run('tsc: server, functions, local cloud, scripts', bin('tsc'), ['--noEmit', '-p', 'tsconfig.server.json']),
    run('tsc: tests', bin('tsc'), ['--noEmit', '-p', 'tsconfig.tests.json']),
    run('vue-tsc: web console', bin('vue-tsc'), ['--noEmit', '-p', 'console/tsconfig.json']),
    run('eslint', bin('eslint'), ['--max-warnings', '0', '.']),
  ];
  const started = Date.now();
  try {
    const { files, packages } = await compileMiniprogram();
    console.log(`ok   miniprogram-ci compile: ${files} files (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    results.push(true);
    // WeChat refuses a main package or subpackage over 2 MB.
    for (const [name, bytes] of Object.entries(packages)) {
      const ok = bytes <= PACKAGE_LIMIT_BYTES;
      console.log(`${ok ? 'ok  ' : 'FAIL'} package size ${name}: ${(bytes / 1024).toFixed(0)} KB of ${PACKAGE_LIMIT_BYTES / 1024} KB`);
      results.push(ok);
    }
  } catch (error) {
    console.error(error);
    console.log('FAIL miniprogram-ci compile');
    results.push(false);
  }
  // miniprogram-ci leaves its compiler process running; the check is over, so say so.
  process.exit(results.includes(false) ? 1 : 0);
}

void main();
