/**
 * How many answer-revealing questions (practice questions and challenge starts) a worker may take:
 * enough for anyone learning (a question every three seconds, three hundred a day), far too few to
 * harvest the keys of a bank of hundreds of questions within a paper's five minutes.
 */
export const practicePerMinute = 20;
export const practicePerDay = 300;

export type QuotaVerdict = 'ok' | 'minute' | 'day';

export function minuteKey(now: Date): string {
  return now.toISOString().slice(0, 16);
}

/** The worker-facing message of a refusal. */
export function quotaMessage(verdict: Exclude<QuotaVerdict, 'ok'>): string {
  return verdict === 'day' ? `今天已练习 ${practicePerDay} 题,达到每日上限,明天再来吧` : '答题太快了,请休息一分钟再继续';
}
