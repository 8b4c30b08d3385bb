import { z } from 'zod';
import { defineAction } from '../action';

/** One contest the worker took part in, as 我的竞赛 lists it (never the paper or its answers). */
export interface MyContest {
  attemptId: string;
  contestId: string;
  title: string;
  /** handed in; being answered now; or its time ran out before it was handed in. */
  state: 'submitted' | 'open' | 'missed';
  /** The paper's score once handed in, else null. */
  score: number | null;
  startedAt: string;
  /** Whether the contest is over, so its answers and explanations are open on the result. */
  reviewOpen: boolean;
}

/** 我的竞赛: the contests the worker took part in, latest first, 20 a page (`cursor`: the previous page's `nextCursor`). */
export const listMyContests = defineAction<{ items: MyContest[]; nextCursor: string | null }>()({
  input: z.strictObject({ cursor: z.string().max(200).optional() }),
});
