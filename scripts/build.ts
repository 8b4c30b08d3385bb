/**
 * npm run build: bundles every cloud function (its index.ts plus everything it uses from server/)
 * into a self-contained cloudfunctions/<name>/index.js whose only dependency is wx-server-sdk, and
 * builds miniprogram_npm (TDesign, dayjs) for the mini program.
 */
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { functionNames, functionsRoot, repoRoot } from './functionList';
import { buildConsole } from './buildConsole';
import { packMiniprogramNpm } from './packMiniprogramNpm';

export async function buildFunctions(names = functionNames()): Promise<string[]> {
  await Promise.all(
    names.map((name) =>
      build({
        entryPoints: [path.join(functionsRoot, name, 'index.ts')],
        outfile: path.join(functionsRoot, name, 'index.js'),
        bundle: true,
        platform: 'node',
        // CloudBase's Node.js 16 runtime
        target: 'node16',
        format: 'cjs',
        external: ['wx-server-sdk'],
        sourcemap: false,
        legalComments: 'none',
        logLevel: 'warning',
      }),
    ),
  );
  return names;
}

async function main(): Promise<void> {
  const started = Date.now();
  const names = await buildFunctions();
  console.log(`built ${names.length} cloud functions: ${names.join(', ')}`);
  if (process.argv.includes('--functions-only')) return;
  if (!existsSync(path.join(repoRoot, 'miniprogram', 'miniprogram_npm', 'tdesign-miniprogram')) || process.argv.includes('--npm')) {
    await packMiniprogramNpm();
    console.log('built miniprogram/miniprogram_npm');
  }
  await buildConsole();
  console.log('built the web console into console/dist');
  console.log(`build done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (require.main === module) {
  main().then(
    // miniprogram-ci may leave its worker process running after packing npm.
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
