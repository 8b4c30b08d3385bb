import { buildSync } from 'esbuild';
import path from 'node:path';

let source: string | undefined;

/**
 * The worker's code as plain JavaScript, compiled from functionWorker.ts once per process. A worker
 * started with `eval: true` runs it the same way under node, tsx and jest (ts-jest does not
 * transform worker files, and a .ts worker entry would not load under plain node).
 */
export function functionWorkerSource(): string {
  if (source === undefined) {
    const built = buildSync({
      entryPoints: [path.join(__dirname, 'functionWorker.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    });
    source = (built.outputFiles[0] as { text: string }).text;
  }
  return source;
}
