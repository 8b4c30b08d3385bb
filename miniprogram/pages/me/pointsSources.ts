import type { PointsHistoryEntry, PointsHistorySource } from '../../../server/contracts/account';

const sourceNames: Record<PointsHistorySource, string> = {
  'quiz-daily': '每日答题',
  'quiz-practice': '专项练习',
  'quiz-challenge': '挑战答题',
  'quiz-contest': '竞赛答题',
  reading: '阅读红色故事',
  'reading-checkin': '阅读打卡',
};

export interface PointsLine {
  id: string;
  what: string;
  points: string;
  when: string;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A ledger entry as the points history shows it (the phone's local time). */
export function pointsLine(entry: PointsHistoryEntry): PointsLine {
  const at = new Date(entry.at);
  return {
    id: entry.id,
    what: sourceNames[entry.source] ?? '积分',
    points: `+${entry.points}`,
    when: `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}`,
  };
}
