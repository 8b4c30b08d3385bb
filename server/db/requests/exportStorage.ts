import { wxCloud } from '../../platform/cloud';

/** Stores a generated file in cloud storage and returns a temporary download URL for it. */
export async function storeExport(cloudPath: string, content: Buffer): Promise<{ fileID: string; tempFileURL: string }> {
  const cloud = wxCloud();
  const { fileID } = await cloud.uploadFile({ cloudPath, fileContent: content });
  // The SDK's typings add a callback overload (void); the promise form always resolves with the result.
  const links = (await cloud.getTempFileURL({ fileList: [fileID] })) as { fileList: Array<{ tempFileURL: string }> };
  return { fileID, tempFileURL: links.fileList[0]?.tempFileURL ?? '' };
}
