/** Where a worker's request photos are uploaded: wx.cloud.uploadFile({ cloudPath: `requests/<openid>/…` }). */
export function uploadFolderOf(openid: string): string {
  return `requests/${openid}/`;
}

/**
 * True when a fileID (cloud://<env>.<bucket>/<cloudPath>) lies in the caller's own upload folder,
 * so nobody attaches another worker's files.
 */
export function isOwnUpload(fileId: string, openid: string): boolean {
  const match = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId);
  if (!match) return false;
  const cloudPath = match[1];
  if (cloudPath.split('/').some((part) => part === '..' || part === '.' || part === '')) return false;
  return cloudPath.startsWith(uploadFolderOf(openid)) && cloudPath.length > uploadFolderOf(openid).length;
}
