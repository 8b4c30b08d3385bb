/** Collections of the points ledger (declared in database/collections.json). */
export const pointsCollections = {
  ledger: 'points_ledger',
  caps: 'points_caps',
  boards: 'leaderboards',
  groupMembers: 'group_members',
} as const;
