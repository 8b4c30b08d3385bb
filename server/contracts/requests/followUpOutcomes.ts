/** 回访 outcomes, in the order a hotline back office records them. */
export const followUpOutcomes = {
  satisfied: '满意',
  basicallySatisfied: '基本满意',
  unsatisfied: '不满意',
  unreachable: '联系不上',
} as const;

export type FollowUpOutcomeKey = keyof typeof followUpOutcomes;
export const followUpOutcomeKeys = Object.keys(followUpOutcomes) as [FollowUpOutcomeKey, ...FollowUpOutcomeKey[]];
