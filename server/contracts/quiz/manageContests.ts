import { z } from 'zod';
import { defineAction } from '../action';
import { id } from '../fields';

/** Where a contest stands: 未开始, 进行中, 已结束 (at its end or closed early). */
export type ContestStatus = 'upcoming' | 'running' | 'ended';

export interface ManagedContest {
  id: string;
  title: string;
  startsAt: string;
  /** The end: the planned one, or the moment it was closed early. */
  endsAt: string;
  questionCount: number;
  orgIds: string[];
  status: ContestStatus;
  /** Set when a cadre or an admin ended it before its planned end. */
  closedAt: string | null;
  /** How many submitted a paper. */
  participants: number;
  /** The caller created it. */
  createdByMe: boolean;
  /** The nickname of the cadre who created it (null when their profile is gone). */
  creatorNickname: string | null;
  /** The caller may end it early (the server's rule, the one closeContest applies). */
  mayClose: boolean;
}

/** Whose contests: those the caller created, or (an admin) every one for organisations within their scope. */
export const managedContestScope = z.enum(['mine', 'managed']);
export type ManagedContestScope = z.infer<typeof managedContestScope>;

export interface OrgParticipation {
  orgId: string | null;
  orgName: string;
  participants: number;
  averageScore: number;
}

/**
 * The contests a cadre created ('mine'), or for an admin every contest for an organisation within
 * their scope ('managed'; anyone else is refused), latest start first, a page at a time: `cursor`
 * is the previous page's `nextCursor` (the last contest's start and id), so paging walks an index.
 */
export const listManagedContests = defineAction<{ contests: ManagedContest[]; nextCursor: string | null }>()({
  input: z.strictObject({
    scope: managedContestScope.default('mine'),
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(50).default(20),
  }),
});

/**
 * Participation in a contest by organisation: how many took it and their average score, most
 * participants first, a page at a time (`cursor` is the previous page's `nextCursor`); `total` is
 * everyone who took part, whichever page.
 */
export const getContestParticipation = defineAction<{ contestId: string; rows: OrgParticipation[]; total: number; nextCursor: string | null }>()({
  input: z.strictObject({
    contestId: id,
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(50).default(20),
  }),
  errors: ['CONTEST_NOT_FOUND'],
});

/**
 * Ends a running contest now (its creator, or an admin whose organisations cover it): nobody may
 * start it any more, papers submitted after the close do not count, its ranking stays as it is,
 * and its questions follow as at any end. Closing an ended contest changes nothing and says so.
 */
export const closeContest = defineAction<{ contestId: string; endsAt: string; closedAt: string | null; alreadyEnded: boolean }>()({
  input: z.strictObject({ contestId: id }),
  errors: ['CONTEST_NOT_FOUND', 'CONTEST_NOT_STARTED'],
});
