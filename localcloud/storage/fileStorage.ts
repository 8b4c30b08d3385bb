import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { CloudError, invalidParam } from '../cloudError';

export type Reply = Record<string, unknown>;

/** How long an upload URL from getUploadMetadata stays valid. */
const UPLOAD_URL_LIFETIME_MS = 10 * 60_000;

const CONTENT_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
};

/**
 * Cloud storage under <dataDir>/files: fileIDs are `cloud://<env>.<bucket>/<cloudPath>`, uploads
 * go to a one-time URL on the local server (as the SDK PUTs to the COS URL it is given), and
 * temporary URLs are served by the same server with GET.
 */
export class FileStorage {
  private readonly pendingUploads = new Map<string, { cloudPath: string; expiresAt: number }>();
  private readonly bucket: string;

  constructor(
    private readonly filesDir: string,
    private readonly envId: string,
    private readonly baseUrl: () => string,
  ) {
    this.bucket = `local-${envId}`;
  }

  fileIdOf(cloudPath: string): string {
    return `cloud://${this.envId}.${this.bucket}/${cloudPath}`;
  }

  /** The cloudPath a fileID names in this environment, or undefined for another one. */
  cloudPathOf(fileId: string): string | undefined {
    const prefix = `cloud://${this.envId}.${this.bucket}/`;
    return fileId.startsWith(prefix) ? fileId.slice(prefix.length) : undefined;
  }

  /** Stores the bytes durably (written to a temporary file and renamed: a reader never sees half a file). */
  async save(cloudPath: string, bytes: Buffer): Promise<string> {
    const target = this.diskPath(cloudPath);
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${randomBytes(6).toString('hex')}.partial`;
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
    // The rename itself is durable only once the directory is synced.
    const directory = await open(path.dirname(target), 'r');
    try {
      await directory.sync();
    } finally {
      await directory.close();
    }
    return this.fileIdOf(cloudPath);
  }

  async read(cloudPath: string): Promise<{ bytes: Buffer; contentType: string } | undefined> {
    try {
      const bytes = await readFile(this.diskPath(cloudPath));
      return { bytes, contentType: CONTENT_TYPES[path.extname(cloudPath).toLowerCase()] ?? 'application/octet-stream' };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof CloudError) return undefined;
      throw error;
    }
  }

  /** The PUT to a URL named by getUploadMetadata; false when the URL is unknown or expired. */
  async acceptUpload(token: string, bytes: Buffer): Promise<boolean> {
    const pending = this.pendingUploads.get(token);
    this.pendingUploads.delete(token);
    if (!pending || pending.expiresAt < Date.now()) return false;
    await this.save(pending.cloudPath, bytes);
    return true;
  }

  /** The `storage.*` actions of the server SDK. */
  async handle(request: Record<string, unknown>): Promise<Reply> {
    switch (request.action) {
      case 'storage.getUploadMetadata':
        return this.uploadMetadata(request.path);
      case 'storage.batchGetDownloadUrl':
        return { data: { download_list: await Promise.all(this.list(request.file_list).map((item) => this.downloadUrl(item))) } };
      case 'storage.batchDeleteFile':
        return { data: { delete_list: await Promise.all(this.fileIds(request.fileid_list).map((fileId) => this.delete(fileId))) } };
      default:
        throw invalidParam(`not implemented in the local cloud: ${String(request.action)}`);
    }
  }

  private uploadMetadata(cloudPath: unknown): Reply {
    if (typeof cloudPath !== 'string') throw invalidParam('path is required');
    this.diskPath(cloudPath);
    const token = randomBytes(16).toString('hex');
    this.pendingUploads.set(token, { cloudPath, expiresAt: Date.now() + UPLOAD_URL_LIFETIME_MS });
    const fileId = this.fileIdOf(cloudPath);
    return {
      data: {
        url: `${this.baseUrl()}/local/storage/upload/${token}`,
        token,
        authorization: 'local',
        fileId,
        cosFileId: token,
        download_url: this.temporaryUrl(cloudPath),
      },
    };
  }

  private async downloadUrl(item: { fileid?: unknown; max_age?: unknown }): Promise<Reply> {
    const fileId = String(item.fileid);
    const cloudPath = this.cloudPathOf(fileId);
    const exists = cloudPath !== undefined && (await this.read(cloudPath)) !== undefined;
    if (!exists) return { fileID: fileId, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST' };
    return { fileID: fileId, tempFileURL: this.temporaryUrl(cloudPath), code: 'SUCCESS', maxAge: item.max_age ?? 86400 };
  }

  private async delete(fileId: string): Promise<Reply> {
    const cloudPath = this.cloudPathOf(fileId);
    if (cloudPath === undefined) return { fileID: fileId, code: 'STORAGE_FILE_NONEXIST' };
    try {
      await unlink(this.diskPath(cloudPath));
      return { fileID: fileId, code: 'SUCCESS' };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof CloudError) {
        return { fileID: fileId, code: 'STORAGE_FILE_NONEXIST' };
      }
      throw error;
    }
  }

  /** The path is left unencoded: the SDK's downloadFile applies encodeURI to it itself. */
  private temporaryUrl(cloudPath: string): string {
    return `${this.baseUrl()}/local/files/${cloudPath}`;
  }

  private diskPath(cloudPath: string): string {
    const steps = cloudPath.split('/');
    if (!cloudPath || cloudPath.startsWith('/') || cloudPath.includes('\\') || cloudPath.includes('\u0000') || steps.some((step) => step === '' || step === '.' || step === '..')) {
      throw invalidParam(`invalid cloudPath: ${cloudPath}`);
    }
    return path.join(this.filesDir, ...steps);
  }

  private list(value: unknown): Array<{ fileid?: unknown; max_age?: unknown }> {
    if (!Array.isArray(value)) throw invalidParam('file_list must be an array');
    return value as Array<{ fileid?: unknown; max_age?: unknown }>;
  }

  private fileIds(value: unknown): string[] {
    if (!Array.isArray(value)) throw invalidParam('fileid_list must be an array');
    return value.map(String);
  }
}
