import { wxCloud } from './cloud';

/** Temporary download links for cloud files, by fileID (files that no longer exist are left out). */
export async function temporaryLinks(fileIds: readonly string[]): Promise<Map<string, string>> {
  if (fileIds.length === 0) return new Map();
  // The SDK's typings add a callback overload (void); the promise form always resolves with the result.
  const { fileList } = (await wxCloud().getTempFileURL({ fileList: [...fileIds] })) as { fileList: Array<{ fileID: string; tempFileURL: string }> };
  return new Map(fileList.filter((f) => f.tempFileURL).map((f) => [f.fileID, f.tempFileURL]));
}

/** Stores bytes in cloud storage with the server SDK (the path production uses); returns the fileID. */
export async function storeFile(cloudPath: string, content: Buffer): Promise<string> {
  const { fileID } = await wxCloud().uploadFile({ cloudPath, fileContent: content });
  return fileID;
}
