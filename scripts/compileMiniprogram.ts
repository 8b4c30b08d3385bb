import path from 'node:path';
import { repoRoot } from './functionList';
import { packMiniprogramNpm } from './packMiniprogramNpm';
import { existsSync } from 'node:fs';

interface MiniprogramCi {
  Project: new (options: Record<string, unknown>) => unknown;
  getCompiledResult(options: Record<string, unknown>, outputPath?: string): Promise<Record<string, unknown>>;
  DefaultProjectAttr: unknown;
}

/**
 * Compiles the whole mini program as DevTools would (TypeScript plugin, minified WXML so WXML syntax
 * errors surface), offline: project attributes come from miniprogram-ci's defaults, not the network.
 * Returns the number of compiled files; throws on any compile error.
 */
export async function compileMiniprogram(): Promise<number> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ci = require('miniprogram-ci') as MiniprogramCi;
  if (!existsSync(path.join(repoRoot, 'miniprogram', 'miniprogram_npm', 'tdesign-miniprogram'))) await packMiniprogramNpm();
  const project = new ci.Project({
    appid: 'wx0000000000000000',
    type: 'miniProgram',
    projectPath: repoRoot,
    // Offline compiles accept any non-empty key; uploads need the real one (see README).
    privateKey: 'offline-compile-only',
    ignores: ['node_modules/**/*'],
    attr: async () => ci.DefaultProjectAttr,
  });
  const result = await ci.getCompiledResult({
    project,
    setting: { useCompilerPlugins: ['typescript'], es6: true, minifyWXML: true, minify: false },
  });
  return Object.keys(result).length;
}
