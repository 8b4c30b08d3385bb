import { historyKeys, type HistoryKey } from '../../contracts/content';
import { poolCondition, type PoolUse } from '../../domain/quiz/servablePool';
import type { Database } from '../database';
import { quizCollections } from './quizCollections';

/**
 * The ids a use may serve, by history (one projected read per history). Practice, challenges, daily
 * papers and 背题 ask for 'open'; contests for 'contest' (the sealed pool).
 */
export async function servableQuestionIds(db: Database, use: PoolUse, histories: readonly HistoryKey[] = historyKeys): Promise<Map<HistoryKey, string[]>> {
  const _ = db.command;
  const lists = await Promise.all(
    histories.map(async (history) => {
      const { data } = await db
        .collection(quizCollections.questions)
        .where({ history, ...poolCondition(use, (v) => _.neq(v)) })
        .field({ _id: true })
        .limit(1000)
        .get();
      return [history, (data as Array<{ _id: string }>).map((d) => d._id)] as const;
    }),
  );
  return new Map(lists);
}

/** Of the given ids, those the open pool may serve (one read): a wrong-book entry may name a sealed contest question. */
export async function openPoolOnly(db: Database, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const _ = db.command;
  const { data } = await db
    .collection(quizCollections.questions)
    .where({ _id: _.in([...ids]), ...poolCondition('open', (v) => _.neq(v)) })
    .field({ _id: true })
    .limit(ids.length)
    .get();
  const open = new Set((data as Array<{ _id: string }>).map((d) => d._id));
  return ids.filter((id) => open.has(id));
}
