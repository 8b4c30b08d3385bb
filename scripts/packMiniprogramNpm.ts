import path from 'node:path';
import { repoRoot } from './functionList';

/** What WeChat DevTools' 构建 npm does, offline: the root package.json's dependencies → miniprogram/miniprogram_npm. */
export async function packMiniprogramNpm(): Promise<void> {
  // miniprogram-ci is large; load it only when needed.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ci = require('miniprogram-ci') as { packNpmManually(options: { packageJsonPath: string; miniprogramNpmDistDir: string }): Promise<unknown> };
  await ci.packNpmManually({
    packageJsonPath: path.join(repoRoot, 'package.json'),
    miniprogramNpmDistDir: path.join(repoRoot, 'miniprogram'),
  });
}
