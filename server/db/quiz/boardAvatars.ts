import { wxCloud } from '../../platform/cloud';
import { collections } from '../collections';
import type { Database } from '../database';

/** WeChat's getTempFileURL takes at most 50 files a call. */
const urlBatch = 50;

/**
 * The stored avatars of a board's workers as temporary URLs (readable by every viewer, unlike the
 * uploader-only file), keyed by openid: one users read and one URL call per 50 avatars.
 */
export async function boardAvatars(db: Database, openids: string[], known?: { _id: string; avatarFileId?: string | null }): Promise<Map<string, string>> {
  const avatars = new Map<string, string>();
  // A worker whose user document the caller holds (the viewer) is not read again, only linked.
  const unread = known ? openids.filter((o) => o !== known._id) : openids;
  if (unread.length === 0 && !known?.avatarFileId) return avatars;
  const _ = db.command;
  const { data } = unread.length ? await db.collection(collections.users).where({ _id: _.in(unread), avatarFileId: _.neq(null) }).field({ _id: true, avatarFileId: true }).limit(unread.length).get() : { data: [] };
  const files = [...(data as Array<{ _id: string; avatarFileId?: string | null }>), ...(known ? [known] : [])].filter((u): u is { _id: string; avatarFileId: string } => typeof u.avatarFileId === 'string' && u.avatarFileId !== '');
  for (let i = 0; i < files.length; i += urlBatch) {
    const batch = files.slice(i, i + urlBatch);
    try {
      const links = (await wxCloud().getTempFileURL({ fileList: batch.map((f) => f.avatarFileId) })) as { fileList: Array<{ fileID: string; tempFileURL: string; status?: number }> };
      const byFile = new Map(links.fileList.filter((l) => l.tempFileURL).map((l) => [l.fileID, l.tempFileURL]));
      for (const f of batch) {
        const url = byFile.get(f.avatarFileId);
        if (url) avatars.set(f._id, url);
      }
    } catch (error) {
      // A board without pictures is still a board: the page falls back to initials.
      console.warn('avatar urls failed', error);
    }
  }
  return avatars;
}
