import { z } from 'zod';
import { historyKey } from '../../content';
import type { Question } from '../../../content/questionSchema';

/** A question as the content editors see it: the whole question with its answer, and its state. */
export type EditorQuestion = Question & { retired: boolean; updatedAt: string | null };

export const bankQuestionId = z.string().regex(/^[a-z]+-\d{3}$/);
export const sheetFormat = z.enum(['xlsx', 'csv']);

export type ImportRowReport = { row: number; id: string; problems: string[] };

/** The filters of the bank's list, also used by the export. */
export const bankFilter = {
  search: z.string().trim().max(40).optional(),
  history: historyKey.optional(),
  type: z.enum(['single', 'multiple', 'judge']).optional(),
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  sealed: z.boolean().optional(),
  retired: z.boolean().optional(),
};
