/**
 * Subscription message templates, in one place. The ids come from the mini program's console
 * (订阅消息 → 我的模板); the pages ask for the same ids with wx.requestSubscribeMessage (the mini
 * program keeps a copy in miniprogram/config/subscribeTemplates.ts, checked equal by a test).
 * Template 「诉求办理进度通知」 fields: thing1 title, phrase2 status, time3 time, thing4 note.
 */
export const subscribeTemplates = {
  requestStatusChanged: 'requests-status-changed-template-id',
  /** 「诉求督办提醒」 to cadres when a request passes a service-level time. */
  requestOverdue: 'requests-overdue-template-id',
  /** 「纠错处理结果通知」 to a worker whose 纠错 an editor closed. Fields: thing1 question, phrase2 outcome, thing3 reply, time4 time. */
  reportOutcome: 'quiz-report-outcome-template-id',
} as const;

export type SubscribeTemplateId = (typeof subscribeTemplates)[keyof typeof subscribeTemplates];

export const subscribeTemplateIds: readonly SubscribeTemplateId[] = Object.values(subscribeTemplates);

export function isSubscribeTemplate(id: string): id is SubscribeTemplateId {
  return (subscribeTemplateIds as readonly string[]).includes(id);
}
