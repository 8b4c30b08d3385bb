import { z } from 'zod';
import { historyKey, type HistoryKey } from '../contracts/content';
import { zh, type FieldNames } from '../contracts/issueMessages';

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
    explanation: z.string().min(10, 'explanation must be at least 10 characters').refine((s) => s.endsWith('。'), { message: 'explanation must end with 。', params: zh('要以句号“。”结尾') }),
    source: text,
    region: z.literal('qinghai').optional(),
    /** In the sealed contest pool: the quiz keeps it out of practice, 背题 and daily papers (its rule says until when). */
    sealed: z.boolean().optional(),
  })
  .superRefine((q, ctx) => {
    // English for the content tooling, Chinese (after the field's name) for editors.
    const issue = (path: string, message: string, chinese: string) => ctx.addIssue({ code: 'custom', path: [path], message, params: zh(chinese) });
    if (!q.id.startsWith(`${q.history}-`)) issue('id', `id ${q.id} does not belong to history ${q.history}`, ` ${q.id} 不属于所选历史`);
    const n = q.options.length;
    if (q.type === 'single' && n !== 4) issue('options', `a single-choice question has 4 options, not ${n}`, `:单选题应有 4 个选项,现在是 ${n} 个`);
    if (q.type === 'multiple' && (n < 4 || n > 5)) issue('options', `a multiple-choice question has 4 or 5 options, not ${n}`, `:多选题应有 4 或 5 个选项,现在是 ${n} 个`);
    if (q.type === 'judge' && (n !== 2 || q.options[0] !== judgeOptions[0] || q.options[1] !== judgeOptions[1])) {
      issue('options', 'a judge question has exactly the options ["正确","错误"]', ':判断题的选项只能是“正确”和“错误”');
    }
    const outside = q.answer.filter((letter) => optionLetters.indexOf(letter) >= n);
    if (outside.length > 0) issue('answer', `answer ${outside.join('')} is not among the ${n} options`, ` ${outside.join('')} 不在 ${n} 个选项之中`);
    if (new Set(q.answer).size !== q.answer.length) issue('answer', 'answer repeats a letter', '中有重复的选项');
    if (q.type !== 'multiple' && q.answer.length !== 1) issue('answer', `a ${q.type} question has exactly one answer, not ${q.answer.length}`, `只能有一个,现在是 ${q.answer.length} 个`);
    if (q.type === 'multiple' && q.answer.length < 2) issue('answer', 'a multiple-choice question has at least two answers', ':多选题至少要有两个答案');
  });

export type Question = z.infer<typeof questionSchema>;

/** The question's fields as editors call them, for validation messages (server/contracts/issueMessages.ts). */
export const questionFieldNames: FieldNames = {
  id: '编号', history: '所属历史', type: '题型', difficulty: '难度', stem: '题干', answer: '答案', explanation: '解析', source: '出处', region: '地区', sealed: '竞赛专用',
  options: { name: '选项', item: '个选项' },
};

/** A question of data/questions/<history>.json: it belongs to the history the file is named for. */
export function questionSchemaFor(history: HistoryKey) {
  return questionSchema.refine((q) => q.history === history, { message: `history must be ${history}, the file's name`, path: ['history'] });
}

export function questionFileSchema(history: HistoryKey) {
  return z.array(questionSchemaFor(history));
}
