import { rmSync } from 'node:fs';
import { startLocalCloud } from '../../localcloud';
import { connectSdk, TEST_COLLECTIONS, TEST_FUNCTIONS, temporaryDataDir } from './helpers/testCloud';

test('documents, created collections and files survive a restart on the same data directory', async () => {
  const dataDir = temporaryDataDir();
  const options = { dataDir, functionsDir: TEST_FUNCTIONS, collectionsFile: TEST_COLLECTIONS };
  const first = await startLocalCloud(options);
  let fileId: string;
  try {
    const { db } = connectSdk(first);
    await db.collection('things').add({ data: { _id: 'kept', at: new Date('2024-06-01T08:00:00Z'), list: [1, { a: 'b' }] } });
    await db.collection('things').doc('kept').update({ data: { n: db.command.inc(2) } });
    await db.createCollection('made_before_restart');
    await db.collection('made_before_restart').add({ data: { _id: 'm', v: 1 } });
    fileId = await first.uploadFile('photos/kept.txt', Buffer.from('still here'), { openid: 'u1' });
  } finally {
    await first.close();
  }

  const second = await startLocalCloud(options);
  try {
    const { cloud, db } = connectSdk(second);
    expect((await db.collection('things').doc('kept').get()).data).toEqual({ _id: 'kept', at: new Date('2024-06-01T08:00:00Z'), list: [1, { a: 'b' }], n: 2 });
    expect((await db.collection('made_before_restart').doc('m').get()).data).toEqual({ _id: 'm', v: 1 });
    const { fileContent } = await cloud.downloadFile({ fileID: fileId });
    expect(fileContent.toString()).toBe('still here');
  } finally {
    await second.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a second local cloud on a data directory in use is refused', async () => {
  const dataDir = temporaryDataDir();
  const options = { dataDir, functionsDir: TEST_FUNCTIONS, collectionsFile: TEST_COLLECTIONS };
  const first = await startLocalCloud(options);
  try {
    await expect(startLocalCloud(options)).rejects.toThrow(/in use by another process/);
  } finally {
    await first.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
