import { z } from 'zod';
import { defineAction } from '../action';
import { id } from '../fields';

export interface ManagedContest {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  questionCount: number;
  orgIds: string[];
}

export interface OrgParticipation {
  orgId: string | null;
  orgName: string;
  participants: number;
  averageScore: number;
}

/** The contests a cadre created, latest first. */
export const listManagedContests = defineAction<{ contests: ManagedContest[] }>()({
  input: z.strictObject({}),
});

/** Participation in a contest by organisation: how many took it and their average score. */
export const getContestParticipation = defineAction<{ contestId: string; rows: OrgParticipation[]; total: number }>()({
  input: z.strictObject({ contestId: id }),
  errors: ['CONTEST_NOT_FOUND'],
});
