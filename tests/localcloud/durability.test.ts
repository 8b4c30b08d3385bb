import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { readCollectionsFile } from '../../localcloud/collectionsFile';
import { DocumentStore } from '../../localcloud/store/documentStore';
import { TEST_COLLECTIONS, TEST_FUNCTIONS, temporaryDataDir } from './helpers/testCloud';

const WRITER = path.join(__dirname, 'helpers', 'writeUntilKilled.ts');

/** Runs the writer until it has acknowledged `count` inserts, then kills it with SIGKILL. */
async function writeThenKill(dataDir: string, count: number): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir, TEST_FUNCTIONS, TEST_COLLECTIONS], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  const acknowledged: string[] = [];
  for await (const line of createInterface({ input: child.stdout })) {
    if (line.startsWith('ack ')) acknowledged.push(line.slice(4));
    if (acknowledged.length >= count) {
      child.kill('SIGKILL');
      break;
    }
  }
  const signal = await exited;
  if (signal !== 'SIGKILL') throw new Error(`the writer stopped on its own: ${stderr}`);
  return acknowledged;
}

test('a store killed with SIGKILL mid-stream reopens with every acknowledged write', async () => {
  const dataDir = temporaryDataDir();
  const acknowledged = await writeThenKill(dataDir, 300);
  expect(acknowledged.length).toBeGreaterThanOrEqual(300);

  const store = DocumentStore.open(dataDir, readCollectionsFile(TEST_COLLECTIONS));
  try {
    const stored = store.documents('things');
    const missing = acknowledged.filter((id) => !stored.has(id));
    expect(missing).toEqual([]);
    expect(stored.get(acknowledged[0] as string)?.doc.at).toBeInstanceOf(Date);
  } finally {
    store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 30_000);
