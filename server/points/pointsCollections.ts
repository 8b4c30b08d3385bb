/** Collections of the points ledger and the boards (declared in database/collections.json). */
export const pointsCollections = {
  /** One entry per award (pointsLedger.ts). */
  ledger: 'points_ledger',
  /** One counter per (worker, source, Asia/Shanghai day) for the daily caps. */
  caps: 'points_caps',
  /** One document per (scope, worker): the worker's day, week and all-time scores on that scope's boards. */
  entries: 'board_entries',
  /** Rank counts per (scope, bucket, shard): see rankCounts.ts. */
  counts: 'board_counts',
  /** Contest rankings (one entry per contest and worker; see db/quiz/contests.ts). */
  boards: 'leaderboards',
  groupMembers: 'group_members',
} as const;
