import { z } from 'zod';
import { defineAction } from '../../action';
import { bankQuestionId, type EditorQuestion } from './bankTypes';

const text = (max: number) => z.string().max(max);

/**
 * An editor corrects a question. Only bounded here: the bank's own schema (server/content, the
 * rules `npm run check:content` applies to data/) judges it on the server; id and history stay.
 */
export const saveBankQuestion = defineAction<EditorQuestion>()({
  input: z.strictObject({
    id: bankQuestionId,
    type: z.enum(['single', 'multiple', 'judge']),
    difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    stem: text(300),
    options: z.array(text(120)).max(5),
    answer: z.array(z.string().max(1)).max(5),
    explanation: text(1000),
    source: text(300),
    region: z.literal('qinghai').optional(),
    sealed: z.boolean().optional(),
  }),
  errors: ['QUESTION_NOT_FOUND', 'QUESTION_INVALID'],
});
