/**
 * Child process of the durability test: starts a local cloud on the given data directory and
 * inserts documents over the server API without end, a few at a time, printing `ack <id>` for each
 * insert the server acknowledged. The test kills it with SIGKILL mid-stream.
 */
import { EJSON } from 'bson';
import { startLocalCloud } from '../../../localcloud';

const [dataDir, functionsDir, collectionsFile] = process.argv.slice(2) as [string, string, string];
const IN_FLIGHT = 4;

async function insertForever(url: string, lane: number): Promise<never> {
  for (let i = 0; ; i += 1) {
    const id = `lane${lane}-${i}`;
    const doc = { _id: id, lane, i, at: new Date(), payload: 'x'.repeat(200) };
    const response = await fetch(`${url}/admin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'database.insertDocument', collectionName: 'things', data: [EJSON.stringify(doc)] }),
    });
    const reply = (await response.json()) as { data?: { insertedIds?: string[] }; message?: string };
    if (reply.data?.insertedIds?.[0] !== id) throw new Error(`insert failed: ${JSON.stringify(reply)}`);
    process.stdout.write(`ack ${id}\n`);
  }
}

void (async () => {
  const localCloud = await startLocalCloud({ dataDir, functionsDir, collectionsFile });
  process.stdout.write('ready\n');
  await Promise.all(Array.from({ length: IN_FLIGHT }, (_, lane) => insertForever(localCloud.url, lane)));
})().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
