/** A temporary URL of a cloud storage file the worker may read (e.g. their own avatar), or '' when none is given. */
export async function tempUrlOf(fileId: string): Promise<string> {
  try {
    const reply = await wx.cloud.getTempFileURL({ fileList: [fileId] });
    return reply.fileList[0]?.tempFileURL ?? '';
  } catch (error) {
    console.warn('temp url failed', fileId, error);
    return '';
  }
}
