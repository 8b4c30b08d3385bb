import type { ActionInput, Contracts } from '../../../server/contracts';

export type SubmitInput = ActionInput<Contracts['requests']['submit']>;

let sequence = 0;

/** A worker's filled-in request form, each with a fresh client request id. */
export function requestForm(overrides: Partial<SubmitInput> = {}): SubmitInput {
  sequence += 1;
  return {
    category: 'migrantWages',
    title: '工地拖欠三个月工资',
    description: '城北区某工地拖欠我们班组三个月工资,多次讨要未果。',
    contactName: '马师傅',
    contactMobile: '13812341234',
    orgId: 'qh-xining',
    place: '西宁市城北区',
    clientRequestId: `client-req-${sequence}-${Date.now()}`,
    ...overrides,
  };
}
