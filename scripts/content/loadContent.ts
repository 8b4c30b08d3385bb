import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Bank, ContentFile } from '../../server/content/bankChecks';

/** The repository's data/ folder; tests point the scripts at a temp copy instead. */
export const defaultContentDir = path.resolve(__dirname, '..', '..', 'data');

/** `--data <dir>` wins over env CONTENT_DIR, which wins over data/ of the repository. */
export function resolveContentDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(flag ?? env.CONTENT_DIR ?? defaultContentDir);
}

/** The command line of a content script: its own options plus the shared --data. */
export function parseContentArgs<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O) {
  return parseArgs({ args: argv, options: { ...options, data: { type: 'string' } }, allowPositionals: true, strict: true });
}

/** Every <dir>/<kind>/*.json, sorted by name; a file that does not parse is kept with its error. */
export function readContentFiles(contentDir: string, kind: 'questions' | 'stories'): ContentFile[] {
  const folder = path.join(contentDir, kind);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const file = `${kind}/${name}`;
      const key = name.slice(0, -'.json'.length);
      try {
        return { file, key, data: JSON.parse(readFileSync(path.join(folder, name), 'utf8')) as unknown };
      } catch (error) {
        return { file, key, data: undefined, parseError: (error as Error).message };
      }
    });
}

export function loadContent(contentDir: string): Bank {
  return { questions: readContentFiles(contentDir, 'questions'), stories: readContentFiles(contentDir, 'stories') };
}

/** The one way data files are written: 2-space JSON and a trailing newline, as they are committed. */
export function formatContentJson(items: readonly unknown[]): string {
  return `${JSON.stringify(items, null, 2)}\n`;
}

/** True when `file` is the script node was started with, not a module a test imported. */
export function isEntryScript(file: string): boolean {
  return process.argv[1] !== undefined && path.resolve(process.argv[1]) === file;
}
