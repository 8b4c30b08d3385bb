import type { HistoryKey } from '../../contracts/content';
import type { BankQuestion } from '../../domain/quiz/paperQuestions';
import { poolCondition } from '../../domain/quiz/servablePool';
import type { Database } from '../database';
import { quizCollections } from './quizCollections';

/** A page of the open pool of one history in id order, after a given id (one read), and the pool's size. */
export async function openPoolPage(db: Database, history: HistoryKey, size: number, after?: string): Promise<{ questions: BankQuestion[]; total: number }> {
  const _ = db.command;
  const open = poolCondition('open', (v) => _.neq(v));
  const questions = db.collection(quizCollections.questions);
  const [{ data }, { total }] = await Promise.all([
    questions
      .where({ history, ...open, ...(after ? { _id: _.gt(after) } : {}) })
      .orderBy('_id', 'asc')
      .limit(size)
      .get(),
    questions.where({ history, ...open }).count(),
  ]);
  return { questions: data as BankQuestion[], total };
}
