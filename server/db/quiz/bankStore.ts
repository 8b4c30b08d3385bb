import type { Question } from '../../content/questionSchema';
import type { Database } from '../database';
import { quizCollections } from './quizCollections';

/** A question's document: the bank's fields under its id, and what the editors changed. */
export type QuestionDoc = Omit<Question, 'id'> & { _id: string; retired?: boolean; sealedUntil?: Date; sealedFor?: string[]; updatedAt?: Date; updatedBy?: string };

/**
 * What an editor's rewrite of a question keeps from its document besides the bank's fields: that it
 * is retired, and until when a contest that drew it holds it out of practice (an edit, even one
 * that unseals it, must not release it before that contest is over).
 */
export function keptOnRewrite(existing: QuestionDoc | undefined | null): Pick<QuestionDoc, 'retired' | 'sealedUntil' | 'sealedFor'> {
  return {
    ...(existing?.retired ? { retired: true } : {}),
    ...(existing?.sealedUntil ? { sealedUntil: existing.sealedUntil } : {}),
    // The contests that drew it: closing one early releases it only when no other holds it.
    ...(existing?.sealedFor ? { sealedFor: existing.sealedFor } : {}),
  };
}

export type BankFilter = {
  search?: string;
  history?: string;
  type?: string;
  difficulty?: number;
  sealed?: boolean;
  retired?: boolean;
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function filterCondition(db: Database, filter: BankFilter): Record<string, unknown> {
  const _ = db.command;
  const flag = (value: boolean | undefined) => (value === undefined ? undefined : value ? true : _.neq(true));
  const condition: Record<string, unknown> = {
    history: filter.history,
    type: filter.type,
    difficulty: filter.difficulty,
    sealed: flag(filter.sealed),
    retired: flag(filter.retired),
    stem: filter.search ? db.RegExp({ regexp: escapeRegExp(filter.search), options: 'i' }) : undefined,
  };
  return Object.fromEntries(Object.entries(condition).filter(([, v]) => v !== undefined));
}

/** One page in id order after `cursor`, and how many match in all. */
export async function bankPage(db: Database, filter: BankFilter, cursor: string | undefined, limit: number): Promise<{ docs: QuestionDoc[]; more: boolean; total: number }> {
  const _ = db.command;
  const condition = filterCondition(db, filter);
  const [page, count] = await Promise.all([
    db
      .collection(quizCollections.questions)
      .where(cursor ? { ...condition, _id: _.gt(cursor) } : condition)
      .orderBy('_id', 'asc')
      .limit(limit + 1)
      .get(),
    db.collection(quizCollections.questions).where(condition).count(),
  ]);
  const docs = page.data as QuestionDoc[];
  return { docs: docs.slice(0, limit), more: docs.length > limit, total: count.total };
}

/** Every matching question, read 1,000 at a time by an id cursor. */
export async function allQuestions(db: Database, filter: BankFilter = {}): Promise<QuestionDoc[]> {
  const _ = db.command;
  const condition = filterCondition(db, filter);
  const all: QuestionDoc[] = [];
  for (let cursor: string | undefined; ; ) {
    const { data } = await db
      .collection(quizCollections.questions)
      .where(cursor ? { ...condition, _id: _.gt(cursor) } : condition)
      .orderBy('_id', 'asc')
      .limit(1000)
      .get();
    all.push(...(data as QuestionDoc[]));
    if (data.length < 1000) return all;
    cursor = (data[data.length - 1] as QuestionDoc)._id;
  }
}

export async function findQuestion(db: Database, id: string): Promise<QuestionDoc | null> {
  const { data } = await db.collection(quizCollections.questions).where({ _id: id }).limit(1).get();
  return (data[0] as QuestionDoc | undefined) ?? null;
}

/** Writes the whole question (a set: fields the editor cleared, like `region`, are gone). */
export async function writeQuestion(db: Database, doc: QuestionDoc): Promise<void> {
  const { _id, ...data } = doc;
  await db.collection(quizCollections.questions).doc(_id).set({ data });
}

export async function markRetired(db: Database, id: string, retired: boolean, at: Date, by: string): Promise<void> {
  await db.collection(quizCollections.questions).doc(id).update({ data: { retired, updatedAt: at, updatedBy: by } });
}

/** The bank's fields of a document, in the data files' key order, for the bank's schema and checks. */
export function questionOf(doc: QuestionDoc): Question {
  const { _id, history, type, difficulty, stem, options, answer, explanation, source, region, sealed } = doc;
  return {
    id: _id, history, type, difficulty, stem, options, answer, explanation, source,
    ...(region !== undefined ? { region } : {}),
    ...(sealed !== undefined ? { sealed } : {}),
  };
}
