import type { ActionInput } from '../../../../server/contracts';
import type { reportQuestion } from '../../../../server/contracts/quiz/reportQuestion';

export type ReportReason = ActionInput<typeof reportQuestion>['reason'];

/** What a worker can say is wrong (the server's reasons, in the words on the screen). */
export const reportReasons: Array<{ value: ReportReason; label: string }> = [
  { value: 'answer', label: '答案有误' },
  { value: 'explanation', label: '解析有误' },
  { value: 'stem', label: '题干有误或有歧义' },
  { value: 'options', label: '选项有误' },
  { value: 'source', label: '出处有误' },
  { value: 'other', label: '其他' },
];

export const reasonLabel: Record<string, string> = Object.fromEntries(reportReasons.map((r) => [r.value, r.label]));
