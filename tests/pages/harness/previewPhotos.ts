import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { PageFindings, SessionStart } from '../../../scripts/preview/pageDocument';
import { appJson } from '../../../scripts/preview/miniprogramProject';
import { appCss, type Snapshot } from './previewRender';

const repoRoot = path.resolve(__dirname, '../../..');
// The same marker as replyPrefix in scripts/preview/photograph.ts (not imported: that module loads the browser library).
const replyPrefix = '\u0001preview ';

type Reply = { ready: true } | { findings: PageFindings } | { error: string };

/**
 * Headless Chromium in a child process (the browser does not run inside jsdom), launched once and
 * kept for many snapshots: each is photographed as it arrives (and its picture written at once),
 * so a test file renders and photographs one state at a time.
 */
export class PhotoSession {
  private readonly waiting: Array<{ resolve(reply: Reply): void; reject(error: Error): void }> = [];
  private errors = '';
  private exited: Error | null = null;

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    createInterface({ input: child.stdout, crlfDelay: Infinity }).on('line', (line) => {
      if (!line.startsWith(replyPrefix)) return;
      this.waiting.shift()?.resolve(JSON.parse(line.slice(replyPrefix.length)) as Reply);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      // The last lines are what explain a crash; a profile run (PREVIEW_PROFILE) prints its timings here too.
      this.errors = (this.errors + chunk.toString()).slice(-20000);
      if (process.env.PREVIEW_PROFILE) process.stderr.write(chunk);
    });
    child.on('exit', (code) => {
      this.exited = new Error(`photographer exited ${code}: ${this.errors}`);
      for (const waiter of this.waiting.splice(0)) waiter.reject(this.exited);
    });
  }

  /** Starts the photographer and its browser; pictures go to pngFolder when one is given. */
  static async open(pngFolder?: string): Promise<PhotoSession> {
    const args = [path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), path.join(repoRoot, 'scripts/preview/photograph.ts')];
    const session = new PhotoSession(spawn(process.execPath, args, { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] }));
    const start: SessionStart = { appCss: appCss(), tabBar: appJson().tabBar ?? null, ...(pngFolder ? { pngFolder } : {}) };
    await session.ask(start);
    return session;
  }

  private ask(message: unknown): Promise<Reply> {
    if (this.exited) return Promise.reject(this.exited);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.child.stdin.write(`${JSON.stringify(message)}\n`);
    });
  }

  /** Draws one snapshot and returns what was found on it: overflow, leftovers, axe violations, font sizes. */
  async photograph(snapshot: Snapshot): Promise<PageFindings> {
    const reply = await this.ask(snapshot);
    if ('error' in reply) throw new Error(`photographing ${snapshot.page} ${snapshot.state}: ${reply.error}`);
    if (!('findings' in reply)) throw new Error('the photographer answered out of turn');
    return reply.findings;
  }

  /** Closes the browser (it closes when its input ends) and waits for the child to exit. */
  close(): Promise<void> {
    if (this.exited) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.stdin.end();
    });
  }
}

/** Photographs several snapshots with one browser (pictures kept only when given a folder). */
export async function photographSnapshots(snapshots: Snapshot[], pngFolder?: string): Promise<PageFindings[]> {
  const session = await PhotoSession.open(pngFolder);
  try {
    const findings: PageFindings[] = [];
    for (const snapshot of snapshots) findings.push(await session.photograph(snapshot));
    return findings;
  } finally {
    await session.close();
  }
}
