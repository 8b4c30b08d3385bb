import type { Database } from '../database';
import type { ProgressDoc } from './progress';
import { addOnce, pairId, readingCollections } from './readingCollections';

/**
 * One reading clock per worker: a slot of server time counts once, for one story, whatever the
 * number of stories open at once, so reading time never exceeds the time that passed.
 */
export function clockSlotId(openid: string, slot: number): string {
  return pairId(openid, `clock:${slot}`);
}

/** Records the slot once per worker; false if this slot was already counted (for any story). */
export async function recordHeartbeat(db: Database, openid: string, storyId: string, slot: number, day: string, now: Date): Promise<boolean> {
  const doc = { _id: clockSlotId(openid, slot), openid, storyId, slot, day, at: now };
  return addOnce(db, readingCollections.heartbeats, doc);
}

export interface CreditedHeartbeat {
  /** False when this slot was already counted (nothing written). */
  fresh: boolean;
  secondsRead: number;
  /** True when the progress document holds an award not yet given (see `awardPending`). */
  awardPending: boolean;
}

/**
 * Counts one heartbeat slot of the worker's reading clock in one transaction (a slot another story
 * already counted counts nothing): the slot's document and the seconds on the
 * progress document land together or not at all, and a heartbeat that reads the story through
 * marks the progress `awardPending` in the same commit, so a failure before the award is healed
 * by the next heartbeat (the retry included). `credit` gets the seconds already read.
 */
export async function creditHeartbeat(
  db: Database,
  at: { openid: string; storyId: string; slot: number; day: string; now: Date },
  credit: (already: number) => { seconds: number; finishes: boolean },
): Promise<CreditedHeartbeat> {
  const { openid, storyId, slot, day, now } = at;
  const slotId = clockSlotId(openid, slot);
  const progressId = pairId(openid, storyId);
  return db.runTransaction(async (t) => {
    const progress = (await t.collection(readingCollections.progress).doc(progressId).get().catch(() => ({ data: null }))).data as ProgressDoc | null;
    const already = progress?.secondsRead ?? 0;
    const pending = progress?.awardPending === true;
    const seen = (await t.collection(readingCollections.heartbeats).doc(slotId).get().catch(() => ({ data: null }))).data;
    const { seconds, finishes } = credit(already);
    if (seen || seconds === 0) return { fresh: false, secondsRead: already, awardPending: pending };
    await t.collection(readingCollections.heartbeats).doc(slotId).set({ data: { openid, storyId, slot, day, at: now } });
    const secondsRead = already + seconds;
    const awardPending = pending || finishes;
    const next: Omit<ProgressDoc, '_id'> = progress
      ? { ...withoutId(progress), secondsRead, awardPending }
      : { openid, storyId, paragraph: 0, offset: 0, secondsRead, updatedAt: now, awardPending };
    await t.collection(readingCollections.progress).doc(progressId).set({ data: next });
    return { fresh: true, secondsRead, awardPending };
  });
}

function withoutId(doc: ProgressDoc): Omit<ProgressDoc, '_id'> {
  const { _id: _ignored, ...rest } = doc;
  return rest;
}
