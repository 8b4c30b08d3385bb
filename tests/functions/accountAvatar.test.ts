import { connectSdk } from '../localcloud/helpers/testCloud';
import { startFunctionCloud, type FunctionCloud } from './harness/functionCloud';
import { requestForm } from './harness/requestForm';

jest.setTimeout(60000);

let fc: FunctionCloud;

/** The test convention: WeChat finds an image risky when its file name contains "risky". */
const verdict = (mediaUrl: string) => (mediaUrl.includes('risky') ? 'risky' : 'pass');

beforeAll(async () => {
  fc = await startFunctionCloud();
});

afterAll(async () => {
  await fc?.close();
});

async function profileOf(openid: string) {
  const reply = await fc.call(openid, 'account', 'getProfile', {});
  if (!reply.ok) throw new Error(reply.message);
  return reply.data;
}

async function fileExists(fileID: string): Promise<boolean> {
  const { cloud } = connectSdk(fc.cloud);
  const { fileList } = (await cloud.getTempFileURL({ fileList: [fileID] })) as { fileList: Array<{ tempFileURL: string }> };
  return Boolean(fileList[0]?.tempFileURL);
}

async function avatarChecks(openid: string): Promise<Array<{ status: string; fileId: string }>> {
  const { db } = connectSdk(fc.cloud);
  const { data } = (await db.collection('media_checks').where({ openid, kind: 'avatar' }).get()) as { data: Array<{ status: string; fileId: string }> };
  return data;
}

const upload = (openid: string, name: string, owner = openid) => fc.cloud.uploadFile(`requests/${owner}/${name}`, Buffer.from('png'), { openid: owner });

describe('avatars pass WeChat\'s image check like request photos', () => {
  test('a new avatar is pending until its check passes, then it becomes the worker’s avatar', async () => {
    const file = await upload('av-1', 'avatar-1.png');
    const reply = await fc.call('av-1', 'account', 'updateProfile', { avatarFileId: file });
    if (!reply.ok) throw new Error(reply.message);
    expect(reply.data).toMatchObject({ avatarFileId: null, avatarPending: true });
    expect((await avatarChecks('av-1')).map((c) => [c.fileId, c.status])).toEqual([[file, 'checking']]);
    const media = (await fc.cloud.outbox()).filter((e) => e.apiName === 'security.mediaCheckAsync').map((e) => e.payload as { scene: number });
    expect(media.at(-1)).toMatchObject({ scene: 1 });

    expect(await fc.cloud.completeMediaChecks(verdict)).toBeGreaterThanOrEqual(1);
    expect(await profileOf('av-1')).toMatchObject({ avatarFileId: file, avatarPending: false });
    expect((await avatarChecks('av-1')).map((c) => c.status)).toEqual(['pass']);
  });

  test('a refused avatar is cleared and its file deleted; the avatar that passed before stays', async () => {
    const good = await upload('av-2', 'avatar-good.png');
    await fc.call('av-2', 'account', 'updateProfile', { avatarFileId: good });
    await fc.cloud.completeMediaChecks(verdict);
    const risky = await upload('av-2', 'avatar-risky.png');
    const pending = await fc.call('av-2', 'account', 'updateProfile', { avatarFileId: risky });
    expect(pending.ok && pending.data).toMatchObject({ avatarFileId: good, avatarPending: true });

    await fc.cloud.completeMediaChecks(verdict);
    expect(await profileOf('av-2')).toMatchObject({ avatarFileId: good, avatarPending: false });
    expect(await fileExists(risky)).toBe(false);
    expect(await fileExists(good)).toBe(true);
  });

  test('a verdict on an avatar the worker has since replaced changes nothing', async () => {
    const first = await upload('av-3', 'avatar-a.png');
    const second = await upload('av-3', 'avatar-b.png');
    await fc.call('av-3', 'account', 'updateProfile', { avatarFileId: first });
    await fc.call('av-3', 'account', 'updateProfile', { avatarFileId: second });
    await fc.cloud.completeMediaChecks(verdict);
    // Both passed; the one chosen last is the avatar, whichever verdict came last.
    expect(await profileOf('av-3')).toMatchObject({ avatarFileId: second, avatarPending: false });
  });

  test('another worker\'s file, or a file outside the worker\'s folder, is refused and nothing is written or checked', async () => {
    const theirs = await upload('av-owner', 'avatar.png');
    const before = (await fc.cloud.outbox()).length;
    for (const avatarFileId of [theirs, 'cloud://local-dev.bucket/avatars/av-4.png', 'cloud://local-dev.bucket/requests/av-4/../av-owner/avatar.png']) {
      expect(await fc.call('av-4', 'account', 'updateProfile', { avatarFileId })).toMatchObject({ ok: false, code: 'FOREIGN_FILE' });
    }
    expect(await profileOf('av-4')).toMatchObject({ avatarFileId: null, avatarPending: false });
    expect(await avatarChecks('av-4')).toEqual([]);
    expect((await fc.cloud.outbox()).length).toBe(before);
  });
});

describe('the avatar a new one replaces', () => {
  async function setAvatar(openid: string, fileId: string): Promise<void> {
    const reply = await fc.call(openid, 'account', 'updateProfile', { avatarFileId: fileId });
    if (!reply.ok) throw new Error(reply.message);
  }

  test('its file is kept while the new avatar is checked and deleted from storage once the new one passes', async () => {
    const first = await upload('av-5', 'avatar-1.png');
    await setAvatar('av-5', first);
    await fc.cloud.completeMediaChecks(verdict);
    const second = await upload('av-5', 'avatar-2.png');
    await setAvatar('av-5', second);
    // Still shown while the new one waits for its verdict.
    expect(await profileOf('av-5')).toMatchObject({ avatarFileId: first, avatarPending: true });
    expect(await fileExists(first)).toBe(true);

    await fc.cloud.completeMediaChecks(verdict);
    expect(await profileOf('av-5')).toMatchObject({ avatarFileId: second, avatarPending: false });
    expect(await fileExists(first)).toBe(false);
    expect(await fileExists(second)).toBe(true);
  });

  test('its file stays when the new avatar is refused', async () => {
    const first = await upload('av-6', 'avatar-1.png');
    await setAvatar('av-6', first);
    await fc.cloud.completeMediaChecks(verdict);
    await setAvatar('av-6', await upload('av-6', 'avatar-risky.png'));
    await fc.cloud.completeMediaChecks(verdict);
    expect(await profileOf('av-6')).toMatchObject({ avatarFileId: first, avatarPending: false });
    expect(await fileExists(first)).toBe(true);
  });

  test('its file stays while one of the worker’s requests shows it as a photo', async () => {
    const first = await upload('av-7', 'avatar-1.png');
    await setAvatar('av-7', first);
    const filed = await fc.call('av-7', 'requests', 'submit', requestForm({ photos: [first] }));
    if (!filed.ok) throw new Error(filed.message);
    await fc.cloud.completeMediaChecks(verdict);
    const second = await upload('av-7', 'avatar-2.png');
    await setAvatar('av-7', second);
    await fc.cloud.completeMediaChecks(verdict);
    expect(await profileOf('av-7')).toMatchObject({ avatarFileId: second, avatarPending: false });
    expect(await fileExists(first)).toBe(true);
  });
});
