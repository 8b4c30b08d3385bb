import path from 'node:path';
import { repoRoot } from './functionList';
import { packMiniprogramNpm } from './packMiniprogramNpm';
import { existsSync, readFileSync } from 'node:fs';

interface MiniprogramCi {
  Project: new (options: Record<string, unknown>) => unknown;
  getCompiledResult(options: Record<string, unknown>, outputPath?: string): Promise<Record<string, unknown>>;
  DefaultProjectAttr: unknown;
}

export interface CompiledSizes {
  files: number;
  /** Bytes of compiled code per package: 'main' and each subpackage root. */
  packages: Record<string, number>;
}

/** WeChat's limit for the main package and for each subpackage. */
export const PACKAGE_LIMIT_BYTES = 2 * 1024 * 1024;

function byteLength(value: unknown): number {
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (Buffer.isBuffer(value)) return value.length;
  return Buffer.byteLength(JSON.stringify(value) ?? '');
}

/**
 * Compiles the whole mini program as DevTools would (TypeScript plugin, minified WXML so WXML syntax
 * errors surface), offline: project attributes come from miniprogram-ci's defaults, not the network.
 * The result holds only what the pages use, so its size per package is what WeChat would count
 * (before minifying scripts). Throws on any compile error.
 */
export async function compileMiniprogram(): Promise<CompiledSizes> {
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
  const app = JSON.parse(readFileSync(path.join(repoRoot, 'miniprogram', 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }> };
  const roots = (app.subPackages ?? []).map((p) => p.root.replace(/\/?$/, '/'));
  const packages: Record<string, number> = { main: 0 };
  for (const [file, content] of Object.entries(result)) {
    const root = roots.find((r) => file.startsWith(r)) ?? 'main';
    packages[root] = (packages[root] ?? 0) + byteLength(content);
  }
  return { files: Object.keys(result).length, packages };
}
