/**
 * npm run check: the checks WeChat DevTools does not do. DevTools only strips TypeScript types, so
 * tsc is the only type check; eslint; and an offline compile of the whole mini program with
 * miniprogram-ci, which fails on a broken page (missing file or component, WXML/WXSS/TS syntax).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './functionList';
import { compileMiniprogram, PACKAGE_LIMIT_BYTES } from './compileMiniprogram';

interface Check {
  title: string;
  command: string;
  args: string[];
}

/** Runs one check with its output held back, then prints it whole, so two running at once never interleave. */
function run({ title, command, args }: Check): Promise<boolean> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('close', (status) => {
      const ok = status === 0;
      process.stdout.write(Buffer.concat(output));
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      resolve(ok);
    });
  });
}

/**
 * Two at a time: each checker uses about one core, and CI has two. The longest (eslint, vue-tsc)
 * go first so the short ones fill in beside them.
 */
async function runAll(checks: Check[], parallel = 2): Promise<boolean[]> {
  const results: boolean[] = new Array<boolean>(checks.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < checks.length) {
      const index = next++;
      results[index] = await run(checks[index]);
    }
  };
  await Promise.all(Array.from({ length: parallel }, lane));
  return results;
}

/** miniprogram-ci's offline compile and WeChat's package size limits, as check lines. */
async function compileCheck(): Promise<boolean[]> {
  const started = Date.now();
  try {
    const { files, packages } = await compileMiniprogram();
    console.log(`ok   miniprogram-ci compile: ${files} files (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    const results = [true];
    // WeChat refuses a main package or subpackage over 2 MB.
    for (const [name, bytes] of Object.entries(packages)) {
      const ok = bytes <= PACKAGE_LIMIT_BYTES;
      console.log(`${ok ? 'ok  ' : 'FAIL'} package size ${name}: ${(bytes / 1024).toFixed(0)} KB of ${PACKAGE_LIMIT_BYTES / 1024} KB`);
      results.push(ok);
    }
    return results;
  } catch (error) {
    console.error(error);
    console.log('FAIL miniprogram-ci compile');
    return [false];
  }
}

async function main(): Promise<void> {
  const bin = (name: string) => path.join(repoRoot, 'node_modules', '.bin', name);
  // The compile runs beside the two lanes: it waits on its own worker process much of the time.
  const [checks, compiled] = await Promise.all([
    runAll([
      { title: 'eslint', command: bin('eslint'), args: ['--max-warnings', '0', '.'] },
      { title: 'vue-tsc: web console', command: bin('vue-tsc'), args: ['--noEmit', '-p', 'console/tsconfig.json'] },
      { title: 'tsc: tests', command: bin('tsc'), args: ['--noEmit', '-p', 'tsconfig.tests.json'] },
      { title: 'tsc: server, functions, local cloud, scripts', command: bin('tsc'), args: ['--noEmit', '-p', 'tsconfig.server.json'] },
      { title: 'tsc: mini program', command: bin('tsc'), args: ['--noEmit', '-p', 'tsconfig.miniprogram.json'] },
    ]),
    compileCheck(),
  ]);
  const results = [...checks, ...compiled];
  // miniprogram-ci leaves its compiler process running; the check is over, so say so.
  process.exit(results.includes(false) ? 1 : 0);
}

void main();
