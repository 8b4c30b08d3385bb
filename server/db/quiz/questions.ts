import type { BankQuestion } from '../../domain/quiz/paperQuestions';
import type { Database } from '../database';
import { quizCollections } from './quizCollections';

export async function questionsByIds(db: Database, ids: readonly string[]): Promise<BankQuestion[]> {
  if (ids.length === 0) return [];
  const _ = db.command;
  const { data } = await db.collection(quizCollections.questions).where({ _id: _.in([...ids]) }).limit(ids.length).get();
  const byId = new Map((data as BankQuestion[]).map((q) => [q._id, q]));
  return ids.map((id) => byId.get(id)).filter((q): q is BankQuestion => q !== undefined);
}

/** The questions a worker saw lately, kept as one capped list per worker. */
export async function recentlySeen(db: Database, openid: string): Promise<string[]> {
  const { data } = await db.collection(quizCollections.seen).where({ _id: openid }).limit(1).get();
  return (data[0] as { ids?: string[] } | undefined)?.ids ?? [];
}

export async function rememberSeen(db: Database, openid: string, ids: readonly string[], previous: readonly string[], keep: number): Promise<void> {
  const merged = [...ids, ...previous.filter((p) => !ids.includes(p))].slice(0, keep);
  await db.collection(quizCollections.seen).doc(openid).set({ data: { ids: merged } });
}
