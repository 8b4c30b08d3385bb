import { z } from 'zod';
import { historyKey } from '../content';
import { defineAction } from '../action';
import { id } from '../fields';

const isoTime = z.string().max(40).datetime({ offset: true });

/** A cadre creates a contest for the organisations they serve (the title passes the content check). */
export const createContest = defineAction<{ contestId: string }>()({
  input: z.strictObject({
    title: z.string().trim().min(2, '标题至少 2 个字').max(40, '标题最多 40 个字'),
    startsAt: isoTime,
    endsAt: isoTime,
    histories: z.array(historyKey).min(1).max(5),
    questionCount: z.number().int().min(5).max(30),
    timeLimitSeconds: z.number().int().min(60).max(1800),
    orgIds: z.array(id).min(1).max(20),
  }),
  errors: ['BAD_WINDOW', 'ORG_NOT_ALLOWED'],
});
