import type { HistoryKey } from '../../contracts/content';
import type { BankQuestion } from '../../domain/quiz/paperQuestions';
import { poolCondition, type PoolCommands } from '../../domain/quiz/servablePool';
import type { Database } from '../database';
import { quizCollections } from './quizCollections';

/** A page of the open pool of one history at `now` in id order, after a given id (one read), and the pool's size. */
export async function openPoolPage(db: Database, history: HistoryKey, size: number, now: Date, after?: string): Promise<{ questions: BankQuestion[]; total: number }> {
  const _ = db.command;
  const pool = (base: Record<string, unknown>) => poolCondition('open', base, _ as unknown as PoolCommands, now);
  const questions = db.collection(quizCollections.questions);
  const [{ data }, { total }] = await Promise.all([
    questions
      .where(pool({ history, ...(after ? { _id: _.gt(after) } : {}) }))
      .orderBy('_id', 'asc')
      .limit(size)
      .get(),
    questions.where(pool({ history })).count(),
  ]);
  return { questions: data as BankQuestion[], total };
}
