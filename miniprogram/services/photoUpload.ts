/**
 * Uploads one photo to cloud storage and reports its progress (0–100) as it goes; resolves with
 * the file id. The callback form of wx.cloud.uploadFile is the one that returns a task with progress.
 */
export function uploadPhoto(cloudPath: string, filePath: string, onProgress: (percent: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const task = wx.cloud.uploadFile({
      cloudPath,
      filePath,
      success: (result) => resolve(result.fileID),
      fail: reject,
    }) as unknown as { onProgressUpdate?(listener: (res: { progress: number }) => void): void } | undefined;
    task?.onProgressUpdate?.((res) => onProgress(res.progress));
  });
}
