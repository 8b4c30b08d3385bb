import type { MediaCheckEvent } from '../../contracts/securityEvents';
import { deleteStoredFile, findMediaCheck, settleMediaCheck } from '../../db/requests/mediaCheckStore';
import type { Database } from '../../db/database';
import { settlePendingAvatar } from '../../db/users';
import { photoStatusOf } from '../../domain/requests/photoChecks';

export type SettleOutcome = 'settled' | 'duplicate' | 'unknown';

/**
 * Applies one image verdict: the photo (or avatar) shows once it passed; a risky one stays hidden
 * (a pending avatar is cleared) and its file is deleted from storage. A repeated event (WeChat
 * retries a push) changes nothing.
 */
export async function applyMediaCheck(db: Database, event: MediaCheckEvent, now: Date): Promise<SettleOutcome> {
  const check = await findMediaCheck(db, event.trace_id);
  if (!check) return 'unknown';
  if (check.status !== 'checking') return 'duplicate';
  const status = photoStatusOf(event.result.suggest);
  // The worker's document first, then the check: a push retried after a failure in between still
  // finds the check open and finishes (settling the avatar twice changes nothing).
  if (check.kind === 'avatar') await settlePendingAvatar(db, check.openid ?? '', check.fileId, status === 'pass', now);
  if (!(await settleMediaCheck(db, check, status, now))) return 'duplicate';
  if (status === 'risky') await deleteStoredFile(check.fileId);
  return 'settled';
}
