import type { LocalCloud } from '../../localcloud';
import { connectSdk, startTestCloud, stopTestCloud, type Sdk } from './helpers/testCloud';

// Cloud storage through the real wx-server-sdk, and the mini program's upload.
let localCloud: (LocalCloud & { dataDir: string }) | undefined;
let cloud: Sdk;

type FileStatus = { fileID: string; status: number; tempFileURL?: string };

/** getTempFileURL and deleteFile, promise-only (the SDK's typings add callback overloads). */
async function temporaryUrls(fileIDs: string[]): Promise<FileStatus[]> {
  return ((await cloud.getTempFileURL({ fileList: fileIDs })) as { fileList: FileStatus[] }).fileList;
}

async function deleteFiles(fileIDs: string[]): Promise<FileStatus[]> {
  return ((await cloud.deleteFile({ fileList: fileIDs })) as { fileList: FileStatus[] }).fileList;
}

beforeAll(async () => {
  localCloud = await startTestCloud();
  ({ cloud } = connectSdk(localCloud));
});

afterAll(() => stopTestCloud(localCloud));

test('upload, temporary URL, HTTP download, SDK download and delete', async () => {
  const bytes = Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01, 0x02]);
  const { fileID } = await cloud.uploadFile({ cloudPath: 'requests/r1/照片 1.jpg', fileContent: bytes });
  expect(fileID).toBe('cloud://local-dev.local-local-dev/requests/r1/照片 1.jpg');

  const [url] = await temporaryUrls([fileID]);
  expect(url).toMatchObject({ fileID, status: 0 });
  const response = await fetch(encodeURI(url?.tempFileURL as string));
  expect(response.headers.get('content-type')).toBe('image/jpeg');
  expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);

  const { fileContent } = await cloud.downloadFile({ fileID });
  expect(fileContent).toEqual(bytes);

  expect(await deleteFiles([fileID])).toEqual([expect.objectContaining({ fileID, status: 0 })]);
  expect((await temporaryUrls([fileID]))[0]?.status).not.toBe(0);
  await expect(cloud.downloadFile({ fileID })).rejects.toBeDefined();
  expect((await deleteFiles([fileID]))[0]?.status).not.toBe(0);
});

test('a file uploaded from the mini program is readable by functions', async () => {
  const fileID = await (localCloud as LocalCloud).uploadFile('avatars/u1.png', Buffer.from('png bytes'), { openid: 'u1' });
  expect(fileID).toBe('cloud://local-dev.local-local-dev/avatars/u1.png');
  const { fileContent } = await cloud.downloadFile({ fileID });
  expect(fileContent.toString()).toBe('png bytes');
});

test('a cloudPath that climbs out of the store is refused', async () => {
  await expect((localCloud as LocalCloud).uploadFile('../escape.txt', Buffer.from('x'), { openid: 'u1' })).rejects.toThrow(/invalid cloudPath/);
  await expect(cloud.uploadFile({ cloudPath: 'a/../../escape.txt', fileContent: Buffer.from('x') })).rejects.toBeDefined();
});
