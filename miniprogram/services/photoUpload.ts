/**
 * Uploads one photo to cloud storage and reports its progress (0–100) as it goes; resolves with
 * the file id. The callback form of wx.cloud.uploadFile is the one that returns a task with progress;
 * an implementation that answers with a promise instead is followed too.
 */
export function uploadPhoto(cloudPath: string, filePath: string, onProgress: (percent: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const task = wx.cloud.uploadFile({
      cloudPath,
      filePath,
      success: (result) => resolve(result.fileID),
      fail: reject,
    }) as unknown as { onProgressUpdate?(listener: (res: { progress: number }) => void): void; then?: unknown } | undefined;
    if (task && typeof task.then === 'function') (task as unknown as Promise<{ fileID: string }>).then((result) => resolve(result.fileID), reject);
    task?.onProgressUpdate?.((res) => onProgress(res.progress));
  });
}
