/**
 * npm run bench: the leaderboard read (own rank + top 100) at 10,000 and 1,000,000 workers on one
 * local cloud, against the naive way (sort / count over every entry) in the same run.
 */
import tcb from '@cloudbase/node-sdk';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalCloud } from '../localcloud';
import { readCollectionsFile } from '../localcloud/collectionsFile';
import { DocumentStore } from '../localcloud/store/documentStore';
import type { Database } from '../server/db/database';
import { benchEntry, writeEntriesDirectly } from './bench/seedBoardEntries';
import { measureBoard } from './bench/measureBoard';
import { functionsRoot, repoRoot } from './functionList';

const sizes = [10_000, 1_000_000];
const boardOf = (n: number) => `province:bench${n}:all:all`;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'quiz-bench-'));
  try {
    // Creates the file and the declared collections, then closes so the bulk rows can go in.
    DocumentStore.open(dataDir, readCollectionsFile(path.join(repoRoot, 'database', 'collections.json'))).close();
    let started = Date.now();
    writeEntriesDirectly(dataDir, boardOf(1_000_000), 1_000_000);
    console.log(`wrote 1,000,000 board entries directly into the store in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const cloud = await startLocalCloud({ dataDir, functionsDir: functionsRoot });
    process.env.TENCENTCLOUD = 'true';
    const app = tcb.init({ env: cloud.envId, secretId: 'bench', secretKey: 'bench', keepalive: false, serviceUrl: `${cloud.url}/admin` } as Parameters<typeof tcb.init>[0]);
    const sdkDb = app.database();
    // Reads go through the same code as the function (server/db/quiz/leaderboards.ts); the Node SDK reads alike.
    const db = sdkDb as unknown as Database;
    try {
      started = Date.now();
      const small = boardOf(10_000);
      for (let i = 0; i < 10_000; i += 1000) {
        // The Node SDK's add takes the documents themselves (wx-server-sdk wraps them in { data }).
        await sdkDb.collection('leaderboards').add(Array.from({ length: 1000 }, (_, k) => benchEntry(small, i + k)) as unknown as object);
      }
      console.log(`added 10,000 board entries through the SDK in ${((Date.now() - started) / 1000).toFixed(1)} s (and loaded the collection)`);
      const results = [];
      for (const n of sizes) {
        const me = benchEntry(boardOf(n), Math.floor(n / 2));
        await measureBoard(db, boardOf(n), me.openid, me.score, { indexed: 3, naive: 1 }); // warm-up
        const times = await measureBoard(db, boardOf(n), me.openid, me.score, { indexed: 21, naive: 3 });
        if (times.rank !== times.naiveRank) throw new Error(`rank mismatch at ${n}: ${times.rank} vs ${times.naiveRank}`);
        results.push({ n, ...times });
        console.log(`${n.toLocaleString('en')} workers: own rank + top 100 ${times.indexedMs.toFixed(2)} ms (median of 21); naive ${times.naiveMs.toFixed(1)} ms (median of 3); ${(times.naiveMs / times.indexedMs).toFixed(0)}x; rank ${times.rank}`);
      }
      const [at10k, at1m] = results as [(typeof results)[number], (typeof results)[number]];
      console.log(`growth 10,000 → 1,000,000: ${(at1m.indexedMs / at10k.indexedMs).toFixed(2)}x (target ≤ 2x); speed-up over naive at 1,000,000: ${(at1m.naiveMs / at1m.indexedMs).toFixed(0)}x (target ≥ 200x)`);
    } finally {
      await cloud.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
