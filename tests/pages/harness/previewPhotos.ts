import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PageFindings, PreviewManifest } from '../../../scripts/preview/pageDocument';
import { appJson } from '../../../scripts/preview/miniprogramProject';
import { appCss, type Snapshot } from './previewRender';

const repoRoot = path.resolve(__dirname, '../../..');

function runPhotographer(manifestFile: string, resultsFile: string, pngFolder?: string): Promise<void> {
  const args = [path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), path.join(repoRoot, 'scripts/preview/photograph.ts'), manifestFile, resultsFile, ...(pngFolder ? [pngFolder] : [])];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'inherit', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`photographer exited ${code}: ${errors}`))));
  });
}

/**
 * Photographs rendered snapshots in headless Chromium (a child process: the browser does not run
 * inside jsdom) and returns what it found on each: overflow, leftovers, axe violations, font sizes.
 */
export async function photographSnapshots(snapshots: Snapshot[], pngFolder?: string): Promise<PageFindings[]> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'preview-'));
  try {
    const manifestFile = path.join(work, 'snapshots.json');
    const resultsFile = path.join(work, 'results.json');
    const manifest: PreviewManifest = { appCss: appCss(), tabBar: appJson().tabBar ?? null, snapshots };
    writeFileSync(manifestFile, JSON.stringify(manifest));
    await runPhotographer(manifestFile, resultsFile, pngFolder);
    return JSON.parse(readFileSync(resultsFile, 'utf8')) as PageFindings[];
  } finally {
    if (process.env.PREVIEW_KEEP) console.log(work);
    else rmSync(work, { recursive: true, force: true });
  }
}
