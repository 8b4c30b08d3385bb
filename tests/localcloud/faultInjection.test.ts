import type { LocalCloud } from '../../localcloud';
import { connectSdk, startTestCloud, stopTestCloud, type Db } from './helpers/testCloud';

// LocalCloud.injectFault: the next matching invocation dies at its Nth database request.
let localCloud: (LocalCloud & { dataDir: string }) | undefined;
let db: Db;

async function written(prefix: string): Promise<string[]> {
  const { data } = await db.collection('requests').where({ _id: db.RegExp({ regexp: `^${prefix}-` }) }).get();
  return (data as Array<{ _id: string }>).map((doc) => doc._id).sort();
}

beforeAll(async () => {
  localCloud = await startTestCloud();
  ({ db } = connectSdk(localCloud));
});

afterAll(() => stopTestCloud(localCloud));

test('an invocation that dies at its second call applies the first step only, and rejects', async () => {
  const cloud = localCloud as LocalCloud;
  const fault = cloud.injectFault({ functionName: 'steps', failAtCall: 2 });
  await expect(cloud.invoke('steps', { prefix: 'f2', count: 3 }, { openid: 'o-1' })).rejects.toThrow(/injected fault/);
  expect(fault).toMatchObject({ claimed: true, fired: true, callsSeen: 2 });
  // The function swallowed the refusals and went on: nothing after the failing call landed.
  expect(await written('f2')).toEqual(['f2-1']);
});

test('a fault is used once: the retry runs normally', async () => {
  const cloud = localCloud as LocalCloud;
  cloud.injectFault({ functionName: 'steps', failAtCall: 1 });
  await expect(cloud.invoke('steps', { prefix: 'f1', count: 2 }, { openid: 'o-1' })).rejects.toThrow(/injected fault/);
  expect(await written('f1')).toEqual([]);
  await expect(cloud.invoke('steps', { prefix: 'f1', count: 2 }, { openid: 'o-1' })).resolves.toEqual({ written: 2 });
});

test('a fault beyond the invocation\'s last call does not fire', async () => {
  const cloud = localCloud as LocalCloud;
  const fault = cloud.injectFault({ functionName: 'steps', failAtCall: 9 });
  await expect(cloud.invoke('steps', { prefix: 'f9', count: 2 }, { openid: 'o-1' })).resolves.toEqual({ written: 2 });
  expect(fault).toMatchObject({ claimed: true, fired: false, callsSeen: 3 });
});

test('a fault waits for the invocation it names (action and user)', async () => {
  const cloud = localCloud as LocalCloud;
  const fault = cloud.injectFault({ functionName: 'steps', action: 'go', openid: 'o-target', failAtCall: 1 });
  await expect(cloud.invoke('steps', { prefix: 'fa', count: 1 }, { openid: 'o-target' })).resolves.toEqual({ written: 1 });
  await expect(cloud.invoke('steps', { action: 'go', prefix: 'fb', count: 1 }, { openid: 'o-other' })).resolves.toEqual({ written: 1 });
  expect(fault.claimed).toBe(false);
  await expect(cloud.invoke('steps', { action: 'go', prefix: 'fc', count: 1 }, { openid: 'o-target' })).rejects.toThrow(/injected fault/);
  expect(await written('fc')).toEqual([]);
  cloud.injectFault({ functionName: 'steps', failAtCall: 1 });
  cloud.clearFaults();
  await expect(cloud.invoke('steps', { prefix: 'fd', count: 1 }, { openid: 'o-1' })).resolves.toEqual({ written: 1 });
});
