import { z } from 'zod';
import { historyKey } from '../content';
import { defineAction } from '../action';
import { questionId } from './quizFields';

export interface StudyCard {
  id: string;
  history: 'party' | 'prc' | 'reform' | 'socialism' | 'labor';
  type: 'single' | 'multiple' | 'judge';
  stem: string;
  options: Array<{ label: string; text: string; right: boolean }>;
  explanation: string;
  source: string;
}

/**
 * 背题: questions with their answers and explanations, a page at a time in id order, from the open
 * (practice) pool only: never a sealed contest question, never one on the worker's open paper.
 */
export const browseQuestions = defineAction<{ items: StudyCard[]; nextCursor: string | null; total: number }>()({
  input: z.strictObject({ history: historyKey, after: questionId.optional() }),
});
