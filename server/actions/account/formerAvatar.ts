import { deleteStoredFile } from '../../db/requests/mediaCheckStore';
import { requestOfWorkerShows } from '../../db/requests/requestStore';
import { findUser } from '../../db/users';
import type { Database } from '../../db/database';

/**
 * Deletes the avatar a newly passed one replaced, unless it is still in use. The file sits in the
 * worker's own upload folder (the only place an avatar or a request photo is accepted from), so
 * only the worker's own documents can point at it: their profile (chosen again as avatar meanwhile)
 * and their requests (the same file sent as a photo). A failed deletion is logged and leaves the
 * file: the avatar has already changed, and WeChat must not retry the verdict for it.
 */
export async function deleteFormerAvatar(db: Database, openid: string, fileId: string): Promise<boolean> {
  try {
    const user = await findUser(db, openid);
    if (user && (user.avatarFileId === fileId || user.pendingAvatarFileId === fileId)) return false;
    if (await requestOfWorkerShows(db, openid, fileId)) return false;
    await deleteStoredFile(fileId);
    return true;
  } catch (error) {
    console.error('former avatar not deleted', fileId, error);
    return false;
  }
}
