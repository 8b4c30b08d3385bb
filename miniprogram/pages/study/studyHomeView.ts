import type { ContestSummary, DailyStatus } from '../../../server/contracts/quiz';

/** Today's paper as the 学习 home says it: a line, a tag and what the big button does. */
export interface TodayView {
  stateText: string;
  tagText: string;
  tagTheme: 'success' | 'warning' | 'default';
  buttonText: string;
  /** Where the big button goes: the result of today's paper, or the paper itself. */
  url: string;
}

export function todayView(status: DailyStatus): TodayView {
  if (status.state === 'submitted') {
    return { stateText: `今日已完成,得分 ${status.score ?? 0}`, tagText: '已完成', tagTheme: 'success', buttonText: '查看成绩', url: `/pages/quiz/result/index?attemptId=${status.attemptId ?? ''}` };
  }
  if (status.state === 'open') return { stateText: '今日答题进行中', tagText: '进行中', tagTheme: 'warning', buttonText: '继续答题', url: '/pages/quiz/answer/index' };
  return { stateText: '今日还未答题', tagText: '未完成', tagTheme: 'default', buttonText: '开始答题', url: '/pages/quiz/answer/index' };
}

export type ContestView = ContestSummary & { until: string; note: string };

/** "12月31日 24:00 截止" style end time, in the worker's (China's) clock. */
function until(endsAt: string): string {
  const end = new Date(new Date(endsAt).getTime() + 8 * 3600 * 1000);
  const hh = String(end.getUTCHours()).padStart(2, '0');
  const mm = String(end.getUTCMinutes()).padStart(2, '0');
  return `${end.getUTCMonth() + 1}月${end.getUTCDate()}日 ${hh}:${mm} 截止`;
}

export function contestViews(contests: ContestSummary[]): ContestView[] {
  return contests.map((c) => ({ ...c, until: until(c.endsAt), note: `${c.questionCount} 题 · 限时 ${Math.round(c.timeLimitSeconds / 60)} 分钟` }));
}
