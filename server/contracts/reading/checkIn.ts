import { z } from 'zod';
import { defineAction } from '../action';

/** Today's reading check-in (Asia/Shanghai day): once a day, however often tapped. */
export const checkIn = defineAction<{ day: string; streak: number; alreadyCheckedIn: boolean; points: number }>()({
  input: z.strictObject({}),
});
