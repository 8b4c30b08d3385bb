/**
 * 纠错: a worker's report that a question is wrong. Stored in `questionReports`; while open its id is
 * `<questionId>:<openid>`, so a worker has at most one open report per question. Editors (the web
 * console) close it as resolved or rejected with a reply, which the reporter then sees.
 */
export const reportReasons = ['answer', 'explanation', 'stem', 'options', 'source', 'other'] as const;
export type ReportReason = (typeof reportReasons)[number];

export const reportReasonNames: Record<ReportReason, string> = {
  answer: '答案有误',
  explanation: '解析有误',
  stem: '题干有误或有歧义',
  options: '选项有误',
  source: '出处有误',
  other: '其他',
};

export type ReportStatus = 'open' | 'resolved' | 'rejected';

export interface QuestionReportDoc {
  _id: string;
  questionId: string;
  openid: string;
  reason: ReportReason;
  note: string;
  status: ReportStatus;
  reply?: string;
  createdAt: Date;
  closedAt?: Date;
  closedBy?: string;
  /** A push of the outcome to the reporter holds a unit of their quota and is not sent yet. */
  noticePending?: boolean;
}

/** Reports per question, for the editors' queue: every report counts, open ones separately. */
export interface QuestionReportCountDoc {
  _id: string; // the question id
  reports: number;
  lastReportedAt: Date;
}

export function openReportId(questionId: string, openid: string): string {
  return `${questionId}:${openid}`;
}

/** Where a closed report moves when the same worker reports the question again. */
export function closedReportId(questionId: string, openid: string, closedAt: Date): string {
  return `${questionId}:${openid}:${closedAt.getTime()}`;
}
