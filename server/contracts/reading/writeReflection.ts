import { z } from 'zod';
import { defineAction } from '../action';
import { clientRequestId } from '../fields';
import { storyId } from './fields';
import type { ReflectionView } from './types';

/** A 读后感: checked by msgSecCheck, then waits for a cadre; a retried submission is stored once. */
export const writeReflection = defineAction<ReflectionView>()({
  input: z.strictObject({
    storyId,
    text: z.string().trim().min(5, '读后感至少 5 个字').max(500, '读后感最多 500 个字'),
    clientRequestId,
  }),
  errors: ['STORY_NOT_FOUND'],
  labels: { text: '读后感' },
});
