import { minuteKey, practicePerDay, practicePerMinute, type QuotaVerdict } from '../../domain/quiz/practiceLimits';
import type { Database } from '../database';
import { quizCollections } from './quizCollections';

interface QuotaDoc {
  _id: string;
  day: string;
  count: number;
  minute: string;
  minuteCount: number;
}

/**
 * Takes one question from the worker's practice quota: one counter document per worker, moved on by
 * conditional updates, so parallel calls cannot overdraw it (each update is atomic and re-checks the
 * limit). Usually one round trip; two or three when the minute or the day turns.
 */
export async function takePracticeQuota(db: Database, openid: string, day: string, now: Date, retried = false): Promise<QuotaVerdict> {
  const _ = db.command;
  const quota = db.collection(quizCollections.seen);
  const _id = `quota_${openid}`;
  const minute = minuteKey(now);
  const moved = async (where: Record<string, unknown>, data: Record<string, unknown>) => (await quota.where({ _id, ...where }).update({ data })).stats.updated === 1;
  // The same minute of the same day, both below their limits.
  if (await moved({ day, count: _.lt(practicePerDay), minute, minuteCount: _.lt(practicePerMinute) }, { count: _.inc(1), minuteCount: _.inc(1) })) return 'ok';
  // A new minute of the same day.
  if (await moved({ day, count: _.lt(practicePerDay), minute: _.neq(minute) }, { count: _.inc(1), minute, minuteCount: 1 })) return 'ok';
  // A new day.
  if (await moved({ day: _.neq(day) }, { day, count: 1, minute, minuteCount: 1 })) return 'ok';
  const { data } = await quota.where({ _id }).limit(1).get();
  const doc = data[0] as QuotaDoc | undefined;
  if (!doc) {
    try {
      await quota.add({ data: { _id, day, count: 1, minute, minuteCount: 1 } });
      return 'ok';
    } catch (error) {
      // A parallel first call created it: count this one against it (once; any other failure is thrown).
      if (retried) throw error;
      return takePracticeQuota(db, openid, day, now, true);
    }
  }
  return doc.day === day && doc.count >= practicePerDay ? 'day' : 'minute';
}
