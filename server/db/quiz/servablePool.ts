import { historyKeys, type HistoryKey } from '../../contracts/content';
import { poolCondition, type PoolCommands, type PoolUse } from '../../domain/quiz/servablePool';
import type { Database } from '../database';
import { quizCollections } from './quizCollections';

function commands(db: Database): PoolCommands {
  return db.command as unknown as PoolCommands;
}

/**
 * The ids a use may serve at `now`, by history (one projected read per history, on the history
 * index). Practice, challenges, daily papers and 背题 ask for 'open'; contests for 'contest'.
 */
export async function servableQuestionIds(db: Database, use: PoolUse, now: Date, histories: readonly HistoryKey[] = historyKeys): Promise<Map<HistoryKey, string[]>> {
  const lists = await Promise.all(
    histories.map(async (history) => {
      const { data } = await db
        .collection(quizCollections.questions)
        .where(poolCondition(use, { history }, commands(db), now))
        .field({ _id: true })
        .limit(1000)
        .get();
      return [history, (data as Array<{ _id: string }>).map((d) => d._id)] as const;
    }),
  );
  return new Map(lists);
}

/** Of the given ids, those the open pool may serve at `now` (one read): a wrong-book entry may name a sealed contest question. */
export async function openPoolOnly(db: Database, ids: readonly string[], now: Date): Promise<string[]> {
  if (ids.length === 0) return [];
  const _ = db.command;
  const { data } = await db
    .collection(quizCollections.questions)
    .where(poolCondition('open', { _id: _.in([...ids]) }, commands(db), now))
    .field({ _id: true })
    .limit(ids.length)
    .get();
  const open = new Set((data as Array<{ _id: string }>).map((d) => d._id));
  return ids.filter((id) => open.has(id));
}

/**
 * Keeps the sealed questions among `ids` out of every open use until `until` (when the contest
 * drawing them is over), or later if another contest already holds them longer (one update).
 */
export async function sealForContest(db: Database, ids: readonly string[], until: Date): Promise<void> {
  if (ids.length === 0) return;
  const _ = db.command;
  await db
    .collection(quizCollections.questions)
    .where({ _id: _.in([...ids]), sealed: true, sealedUntil: _.or([_.exists(false), _.lt(until)]) })
    .update({ data: { sealedUntil: until } });
}
