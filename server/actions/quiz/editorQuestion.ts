import type { EditorQuestion } from '../../contracts/quiz';
import { questionOf, type QuestionDoc } from '../../db/quiz/bankStore';

export function editorQuestion(doc: QuestionDoc): EditorQuestion {
  return { ...questionOf(doc), retired: doc.retired === true, updatedAt: doc.updatedAt ? new Date(doc.updatedAt).toISOString() : null };
}
