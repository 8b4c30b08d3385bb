import type { LocalCloud } from '../../localcloud';
import { connectSdk, startTestCloud, stopTestCloud, type Db } from './helpers/testCloud';

// Transactions through the real wx-server-sdk: MongoDB semantics, first committer wins.
let localCloud: (LocalCloud & { dataDir: string }) | undefined;
let db: Db;

type Transaction = Awaited<ReturnType<Db['startTransaction']>>;

async function status(id: string): Promise<unknown> {
  return ((await db.collection('requests').doc(id).get()).data as { status: unknown }).status;
}

beforeAll(async () => {
  localCloud = await startTestCloud();
  ({ db } = connectSdk(localCloud));
});

afterAll(() => stopTestCloud(localCloud));

test('a transaction reads its own writes; others see them only after commit', async () => {
  await db.collection('requests').add({ data: { _id: 'r1', status: 'open' } });
  const transaction = await db.startTransaction();
  await transaction.collection('requests').doc('r1').update({ data: { status: 'taken' } });
  const added = (await transaction.collection('requests').add({ data: { status: 'new' } })) as { _id: string };
  const inside = await transaction.collection('requests').doc('r1').get();
  expect((inside.data as { status: string }).status).toBe('taken');
  expect(await status('r1')).toBe('open');
  await expect(db.collection('requests').doc(added._id).get()).rejects.toThrow(/does not exist/);
  await transaction.commit();
  expect(await status('r1')).toBe('taken');
  expect(await status(added._id)).toBe('new');
});

test('a rollback leaves nothing behind', async () => {
  await db.collection('requests').add({ data: { _id: 'r2', status: 'open' } });
  const transaction = await db.startTransaction();
  await transaction.collection('requests').doc('r2').update({ data: { status: 'taken' } });
  await transaction.collection('requests').doc('r2b').set({ data: { status: 'created' } });
  await transaction.rollback();
  expect(await status('r2')).toBe('open');
  await expect(db.collection('requests').doc('r2b').get()).rejects.toThrow(/does not exist/);
});

test('of two transactions writing one document, the later committer gets a conflict', async () => {
  await db.collection('requests').add({ data: { _id: 'r3', status: 'open' } });
  const first: Transaction = await db.startTransaction();
  const second: Transaction = await db.startTransaction();
  await first.collection('requests').doc('r3').get();
  await second.collection('requests').doc('r3').get();
  await first.collection('requests').doc('r3').update({ data: { status: 'taken', by: 'first' } });
  await second.collection('requests').doc('r3').update({ data: { status: 'taken', by: 'second' } });
  await first.commit();
  await expect(second.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
  expect((await db.collection('requests').doc('r3').get()).data).toEqual({ _id: 'r3', status: 'taken', by: 'first' });
});

test('two cadres claiming one request at once: runTransaction retries the loser, who sees it taken', async () => {
  await db.collection('requests').add({ data: { _id: 'r4', status: 'open' } });
  // Both first attempts read before either writes, so the conflict path is taken every run.
  let readers = 0;
  let releaseReaders: () => void = () => undefined;
  const bothHaveRead = new Promise<void>((resolve) => (releaseReaders = resolve));
  let attempts = 0;
  const claim = (cadre: string): Promise<unknown> =>
    db.runTransaction(async (transaction) => {
      attempts += 1;
      const { data } = await transaction.collection('requests').doc('r4').get();
      if (readers < 2) {
        readers += 1;
        if (readers === 2) releaseReaders();
        await bothHaveRead;
      }
      if ((data as { status: string }).status !== 'open') {
        await transaction.rollback(`already taken`);
        return undefined;
      }
      await transaction.collection('requests').doc('r4').update({ data: { status: 'taken', by: cadre } });
      return cadre;
    });
  const outcomes = await Promise.allSettled([claim('a'), claim('b')]);
  const winners = outcomes.filter((outcome) => outcome.status === 'fulfilled').map((outcome) => (outcome as PromiseFulfilledResult<unknown>).value);
  const losers = outcomes.filter((outcome) => outcome.status === 'rejected').map((outcome) => (outcome as PromiseRejectedResult).reason);
  expect(winners).toHaveLength(1);
  expect(losers).toEqual(['already taken']);
  expect(attempts).toBe(3);
  expect((await db.collection('requests').doc('r4').get()).data).toEqual({ _id: 'r4', status: 'taken', by: winners[0] });
});

test('a transaction sees a document it read unchanged, even after another commit', async () => {
  await db.collection('requests').add({ data: { _id: 'r5', status: 'open' } });
  const transaction = await db.startTransaction();
  await transaction.collection('requests').doc('r5').get();
  await db.collection('requests').doc('r5').update({ data: { status: 'closed' } });
  const again = await transaction.collection('requests').doc('r5').get();
  expect((again.data as { status: string }).status).toBe('open');
  await transaction.commit();
  expect(await status('r5')).toBe('closed');
});

test('a unique key taken before commit fails the commit and applies nothing', async () => {
  const transaction = await db.startTransaction();
  await transaction.collection('badges').add({ data: { orgId: 'tx', code: 'one' } });
  await transaction.collection('requests').doc('r6').set({ data: { status: 'side effect' } });
  await db.collection('badges').add({ data: { orgId: 'tx', code: 'one' } });
  await expect(transaction.commit()).rejects.toThrow(/E11000/);
  await expect(db.collection('requests').doc('r6').get()).rejects.toThrow(/does not exist/);
});

describe('snapshot isolation: every read joins the read set, the first committer wins', () => {
  test('write skew: a transaction that read a document absent cannot write it after another created it', async () => {
    const reader: Transaction = await db.startTransaction();
    await expect(reader.collection('requests').doc('ws1').get()).rejects.toThrow(/does not exist|null/);
    const creator: Transaction = await db.startTransaction();
    await creator.collection('requests').doc('ws1').set({ data: { status: 'created', by: 'creator' } });
    await creator.commit();
    await reader.collection('requests').doc('ws1').set({ data: { status: 'created', by: 'reader' } });
    await expect(reader.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    expect((await db.collection('requests').doc('ws1').get()).data).toEqual({ _id: 'ws1', status: 'created', by: 'creator' });
  });

  test('write skew on another document: what was read absent decides, so its creation conflicts', async () => {
    const reader: Transaction = await db.startTransaction();
    await reader.collection('requests').doc('ws2-flag').get().catch(() => undefined);
    await db.collection('requests').add({ data: { _id: 'ws2-flag', status: 'set' } });
    await reader.collection('requests').doc('ws2-other').set({ data: { status: 'because the flag was absent' } });
    await expect(reader.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    await expect(db.collection('requests').doc('ws2-other').get()).rejects.toThrow(/does not exist/);
  });

  test('two transactions inserting one id: the second to commit conflicts and nothing is overwritten', async () => {
    const first: Transaction = await db.startTransaction();
    const second: Transaction = await db.startTransaction();
    await first.collection('requests').add({ data: { _id: 'dup1', by: 'first' } });
    await second.collection('requests').add({ data: { _id: 'dup1', by: 'second' } });
    await first.commit();
    await expect(second.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    expect((await db.collection('requests').doc('dup1').get()).data).toEqual({ _id: 'dup1', by: 'first' });
  });

  test('twenty runTransaction callers that create a document when absent create it once', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        db.runTransaction(async (transaction) => {
          const found = await transaction.collection('requests').doc('once').get().then(
            (reply) => reply.data,
            () => null,
          );
          if (found) return 'existing';
          await transaction.collection('requests').doc('once').set({ data: { by: i } });
          await transaction.collection('requests').doc(`once-side-${i}`).set({ data: { by: i } });
          return 'created';
        }),
      ),
    );
    const created = outcomes.filter((outcome) => outcome.status === 'fulfilled' && outcome.value === 'created');
    expect(created).toHaveLength(1);
    expect((await db.collection('requests').where({ _id: db.RegExp({ regexp: '^once-side-' }) }).count()).total).toBe(1);
  });

  test('a read-only transaction beside a writer sees one consistent snapshot and commits', async () => {
    await db.collection('requests').add({ data: { _id: 'acct-a', balance: 50 } });
    await db.collection('requests').add({ data: { _id: 'acct-b', balance: 50 } });
    const reader: Transaction = await db.startTransaction();
    const balance = async (id: string): Promise<number | null> =>
      reader.collection('requests').doc(id).get().then(
        (reply) => (reply.data as { balance: number }).balance,
        () => null,
      );
    expect(await balance('acct-a')).toBe(50);
    const writer: Transaction = await db.startTransaction();
    await writer.collection('requests').doc('acct-a').update({ data: { balance: 20 } });
    await writer.collection('requests').doc('acct-b').update({ data: { balance: 80 } });
    await writer.collection('requests').doc('acct-c').set({ data: { balance: 1 } });
    await writer.commit();
    // Never the writer's half: b as it was when a was read, c not yet created.
    expect(await balance('acct-b')).toBe(50);
    expect(await balance('acct-c')).toBeNull();
    await reader.commit();
    expect((await db.collection('requests').doc('acct-b').get()).data).toEqual({ _id: 'acct-b', balance: 80 });
  });
});
