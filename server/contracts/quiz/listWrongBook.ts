import { z } from 'zod';
import { defineAction } from '../action';
import type { WrongBookItem } from './practiceTypes';

/** 错题本: the worker's wrong answers, latest first (at most 100). */
export const listWrongBook = defineAction<{ items: WrongBookItem[] }>()({
  input: z.strictObject({}),
});
