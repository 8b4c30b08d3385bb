import path from 'node:path';
import { repoRoot } from './functionList';

/** The part of Vite's API the build uses (Vite is an ES module; the scripts resolve modules the CommonJS way). */
interface ViteBuild {
  build(options: { configFile: string; logLevel: 'warn' }): Promise<unknown>;
}

/** Builds the web console (Vue + TDesign, Vite) into console/dist: static files for CloudBase static hosting. */
export async function buildConsole(): Promise<void> {
  const { build } = (await import('vite' as string)) as ViteBuild;
  await build({ configFile: path.join(repoRoot, 'console', 'vite.config.mts'), logLevel: 'warn' });
}
