import { z } from 'zod';
import { defineAction } from '../action';
import { storyId } from './fields';
import type { ReflectionView } from './types';

/** Approved reflections on a story, newest first, with the worker's own (any state) on top. */
export const listReflections = defineAction<{ mine: ReflectionView[]; approved: ReflectionView[]; nextBefore: string | null }>()({
  input: z.strictObject({ storyId, before: z.iso.datetime().optional() }),
});
