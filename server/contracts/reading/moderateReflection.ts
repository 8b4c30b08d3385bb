import { z } from 'zod';
import { defineAction } from '../action';
import type { ReflectionStatus } from './types';

/** A cadre approves or rejects a pending reflection; the first decision stands. */
export const moderateReflection = defineAction<{ status: ReflectionStatus; changed: boolean }>()({
  input: z.strictObject({ reflectionId: z.string().regex(/^[a-f0-9]{32}$/, '读后感编号无效'), decision: z.enum(['approve', 'reject']) }),
  errors: ['REFLECTION_NOT_FOUND'],
});
