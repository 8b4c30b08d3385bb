/**
 * The subscription message templates the pages ask for (订阅消息 → 我的模板, set per deployment like
 * the environment id). The server keeps the same ids; a test checks they are equal.
 */
export const subscribeTemplates = {
  /** 「诉求办理进度通知」 to the worker who filed the request. */
  requestStatusChanged: 'requests-status-changed-template-id',
  /** 「诉求督办提醒」 to cadres when a request passes a service-level time. */
  requestOverdue: 'requests-overdue-template-id',
  /** 「纠错处理结果通知」 to a worker whose 纠错 an editor closed. */
  reportOutcome: 'quiz-report-outcome-template-id',
} as const;
