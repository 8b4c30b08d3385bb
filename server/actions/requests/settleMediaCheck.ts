import type { MediaCheckEvent } from '../../contracts/securityEvents';
import { deleteStoredFile, findMediaCheck, settleMediaCheck } from '../../db/requests/mediaCheckStore';
import type { Database } from '../../db/database';
import { findUser, settlePendingAvatar } from '../../db/users';
import { photoStatusOf } from '../../domain/requests/photoChecks';
import { deleteFormerAvatar } from '../account/formerAvatar';

export type SettleOutcome = 'settled' | 'duplicate' | 'unknown';

/**
 * Applies one image verdict: the photo (or avatar) shows once it passed; a risky one stays hidden
 * (a pending avatar is cleared) and its file is deleted from storage. An avatar that passes
 * replaces the previous one, whose file is deleted unless still in use. A repeated event (WeChat
 * retries a push) changes nothing.
 */
export async function applyMediaCheck(db: Database, event: MediaCheckEvent, now: Date): Promise<SettleOutcome> {
  const check = await findMediaCheck(db, event.trace_id);
  if (!check) return 'unknown';
  if (check.status !== 'checking') return 'duplicate';
  const status = photoStatusOf(event.result.suggest);
  // The worker's document first, then the check: a push retried after a failure in between still
  // finds the check open and finishes (settling the avatar twice changes nothing).
  if (check.kind === 'avatar') {
    const openid = check.openid ?? '';
    // The avatar a pass replaces, read before the switch; only the call that made the switch deletes it.
    const former = status === 'pass' ? ((await findUser(db, openid))?.avatarFileId ?? null) : null;
    const switched = await settlePendingAvatar(db, openid, check.fileId, status === 'pass', now);
    if (switched && former && former !== check.fileId) await deleteFormerAvatar(db, openid, former);
  }
  if (!(await settleMediaCheck(db, check, status, now))) return 'duplicate';
  if (status === 'risky') await deleteStoredFile(check.fileId);
  return 'settled';
}
