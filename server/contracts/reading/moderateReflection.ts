import { z } from 'zod';
import { defineAction } from '../action';
import type { ReflectionStatus } from './types';

/**
 * A cadre approves or rejects a pending reflection; the first decision stands. A rejection may give
 * a reason, which its author is shown beside it.
 */
export const moderateReflection = defineAction<{ status: ReflectionStatus; changed: boolean }>()({
  input: z
    .strictObject({
      reflectionId: z.string().regex(/^[a-f0-9]{32}$/, '读后感编号无效'),
      decision: z.enum(['approve', 'reject']),
      reason: z.string().trim().min(2, '不通过的理由至少 2 个字').max(100, '不通过的理由最多 100 个字').optional(),
    })
    .refine((input) => input.decision === 'reject' || input.reason === undefined, { message: '只有不通过时才写理由', path: ['reason'] }),
  errors: ['REFLECTION_NOT_FOUND'],
});
