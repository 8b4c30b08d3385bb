import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..');
export const functionsRoot = path.join(repoRoot, 'cloudfunctions');

/** Every cloud function: a folder of cloudfunctions/ with an index.ts entry. */
export function functionNames(): string[] {
  return readdirSync(functionsRoot, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(functionsRoot, d.name, 'index.ts')))
    .map((d) => d.name)
    .sort();
}
