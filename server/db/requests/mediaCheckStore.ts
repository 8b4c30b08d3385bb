import { wxCloud } from '../../platform/cloud';
import type { Database } from '../database';
import { requestCollections, type PhotoCheckStatus } from './requestStore';

/** One asynchronous image check: its _id is WeChat's trace id (media_checks). */
export interface MediaCheckDoc {
  _id: string;
  /** What the file is: a request photo (the default, older documents have no kind), a worker's avatar, or a story's cover or audio. */
  kind?: 'request' | 'avatar' | 'story';
  /** The request the photo belongs to ('' otherwise). */
  requestId: string;
  /** Whose avatar it is, or the editor who uploaded a story's file. */
  openid?: string;
  fileId: string;
  status: PhotoCheckStatus;
  createdAt: Date;
  settledAt: Date | null;
}

/** Records a started check on media_checks and, for a request photo, on its request (photoChecks.<traceId>). */
export async function recordMediaCheck(db: Database, check: MediaCheckDoc): Promise<void> {
  await db.collection(requestCollections.mediaChecks).add({ data: check });
  if (!isRequestPhoto(check)) return;
  await db.collection(requestCollections.requests).doc(check.requestId).update({ data: { [`photoChecks.${check._id}`]: { fileId: check.fileId, status: check.status } } });
}

const isRequestPhoto = (check: MediaCheckDoc) => (check.kind ?? 'request') === 'request';

/** The checks of these files, by fileID (index fileId_1): one per file, as every upload gets a new name. */
export async function checksOfFiles(db: Database, fileIds: readonly string[]): Promise<Map<string, PhotoCheckStatus>> {
  if (fileIds.length === 0) return new Map();
  const { data } = await db.collection(requestCollections.mediaChecks).where({ fileId: db.command.in([...fileIds]) }).limit(fileIds.length * 4).get();
  return new Map((data as MediaCheckDoc[]).map((c) => [c.fileId, c.status]));
}

export async function findMediaCheck(db: Database, traceId: string): Promise<MediaCheckDoc | null> {
  const { data } = await db.collection(requestCollections.mediaChecks).where({ _id: traceId }).limit(1).get();
  return (data[0] as MediaCheckDoc | undefined) ?? null;
}

/**
 * Settles a check still 'checking': writes the verdict on the request, then on media_checks only
 * while it is still 'checking'. True for the one call that settled it (a repeated event gets false).
 */
export async function settleMediaCheck(db: Database, check: MediaCheckDoc, status: Exclude<PhotoCheckStatus, 'checking'>, now: Date): Promise<boolean> {
  if (isRequestPhoto(check)) await db.collection(requestCollections.requests).doc(check.requestId).update({ data: { [`photoChecks.${check._id}.status`]: status } });
  const { stats } = await db.collection(requestCollections.mediaChecks).where({ _id: check._id, status: 'checking' }).update({ data: { status, settledAt: now } });
  return stats.updated === 1;
}

/** A temporary download URL of a stored file, for WeChat to fetch (cloud.getTempFileURL). */
export async function tempUrlOf(fileId: string): Promise<string> {
  // The SDK's typings add a callback overload (void); the promise form always resolves with the result.
  const links = (await wxCloud().getTempFileURL({ fileList: [fileId] })) as { fileList: Array<{ tempFileURL: string }> };
  const url = links.fileList[0]?.tempFileURL;
  if (!url) throw new Error(`no temporary URL for ${fileId}`);
  return url;
}

export async function deleteStoredFile(fileId: string): Promise<void> {
  await wxCloud().deleteFile({ fileList: [fileId] });
}
