import { z } from 'zod';
import { historyKey, type HistoryKey } from '../contracts/content';

/**
 * One question of the bank as docs/content-format.md describes it. Pure zod, no node imports: the
 * seed script, the quiz function and the content tooling all validate with this one schema.
 */
export const questionTypes = ['single', 'multiple', 'judge'] as const;
export type QuestionType = (typeof questionTypes)[number];
export const difficulties = [1, 2, 3] as const;
export type Difficulty = (typeof difficulties)[number];

/** Option letters by position; a question has at most five options. */
export const optionLetters = ['A', 'B', 'C', 'D', 'E'] as const;
export type OptionLetter = (typeof optionLetters)[number];
export const judgeOptions = ['正确', '错误'] as const;

export const questionIdPattern = /^(party|prc|reform|socialism|labor)-\d{3}$/;

/** Validates without trimming: what the schema accepts is stored exactly as written. */
const text = z.string().regex(/\S/, 'must not be empty');

export const questionSchema = z
  .strictObject({
    id: z.string().regex(questionIdPattern, 'id must be <history>-NNN'),
    history: historyKey,
    type: z.enum(questionTypes),
    difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    stem: text,
    options: z.array(text).min(2).max(5),
    answer: z.array(z.enum(optionLetters)).min(1),
    explanation: z.string().min(10, 'explanation must be at least 10 characters').regex(/。$/, 'explanation must end with 。'),
    source: text,
    region: z.literal('qinghai').optional(),
    /** In the sealed contest pool: the quiz keeps it out of practice, 背题 and daily papers (its rule says until when). */
    sealed: z.boolean().optional(),
  })
  .superRefine((q, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (!q.id.startsWith(`${q.history}-`)) issue('id', `id ${q.id} does not belong to history ${q.history}`);
    const n = q.options.length;
    if (q.type === 'single' && n !== 4) issue('options', `a single-choice question has 4 options, not ${n}`);
    if (q.type === 'multiple' && (n < 4 || n > 5)) issue('options', `a multiple-choice question has 4 or 5 options, not ${n}`);
    if (q.type === 'judge' && (n !== 2 || q.options[0] !== judgeOptions[0] || q.options[1] !== judgeOptions[1])) {
      issue('options', 'a judge question has exactly the options ["正确","错误"]');
    }
    const outside = q.answer.filter((letter) => optionLetters.indexOf(letter) >= n);
    if (outside.length > 0) issue('answer', `answer ${outside.join('')} is not among the ${n} options`);
    if (new Set(q.answer).size !== q.answer.length) issue('answer', 'answer repeats a letter');
    if (q.type !== 'multiple' && q.answer.length !== 1) issue('answer', `a ${q.type} question has exactly one answer, not ${q.answer.length}`);
    if (q.type === 'multiple' && q.answer.length < 2) issue('answer', 'a multiple-choice question has at least two answers');
  });

export type Question = z.infer<typeof questionSchema>;

/** A question of data/questions/<history>.json: it belongs to the history the file is named for. */
export function questionSchemaFor(history: HistoryKey) {
  return questionSchema.refine((q) => q.history === history, { message: `history must be ${history}, the file's name`, path: ['history'] });
}

export function questionFileSchema(history: HistoryKey) {
  return z.array(questionSchemaFor(history));
}
