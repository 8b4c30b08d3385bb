import { z } from 'zod';
import { id } from '../fields';

/**
 * An option as one attempt names it: a random id of 8 letters and digits (the bank's letters never
 * leave the server). A lone capital letter is still read for papers opened before the ids existed.
 */
export const optionKey = z.string().regex(/^(?:[A-E]|[a-z0-9]{8})$/, '选项编号无效');
export const choice = z.array(optionKey).max(5);
export const questionId = z.string().regex(/^(party|prc|reform|socialism|labor)-\d{3}$/, '题目编号无效');
export const attemptId = id;
export const answerItem = z.strictObject({ questionId, choice });
/** A paper has at most 50 questions; longer arrays are refused before anything is read. */
export const answers = z.array(answerItem).max(50);
