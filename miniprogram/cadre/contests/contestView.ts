import type { ContestStatus, ManagedContest } from '../../../server/contracts/quiz';

type TagTheme = 'warning' | 'success' | 'default';

/** A contest as its card shows it: status tag, window in Beijing time, counts, who created it, whether it may be closed. */
export interface ContestCard extends ManagedContest {
  statusLabel: string;
  tagTheme: TagTheme;
  windowText: string;
  countsText: string;
  closedText: string;
  /** 创建人 in 我管辖的: 我 or the creator's nickname. */
  creatorText: string;
  /** Why a running contest has no 结束竞赛 (another union's too), else empty. */
  noCloseText: string;
}

const statuses: Record<ContestStatus, { label: string; theme: TagTheme }> = {
  upcoming: { label: '未开始', theme: 'warning' },
  running: { label: '进行中', theme: 'success' },
  ended: { label: '已结束', theme: 'default' },
};

/** 12月2日 10:00 in Beijing time (the union's clock, whatever the phone's zone). */
export function beijingTime(iso: string): string {
  const t = new Date(new Date(iso).getTime() + 8 * 3600 * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}

export function contestCard(contest: ManagedContest): ContestCard {
  const status = statuses[contest.status];
  return {
    ...contest,
    statusLabel: status.label,
    tagTheme: status.theme,
    windowText: `${beijingTime(contest.startsAt)} 至 ${beijingTime(contest.endsAt)}`,
    countsText: `${contest.questionCount} 题 · 参与 ${contest.participants} 人`,
    closedText: contest.closedAt ? `已于 ${beijingTime(contest.closedAt)} 提前结束` : '',
    creatorText: `创建人:${contest.createdByMe ? '我' : (contest.creatorNickname ?? '未知')}`,
    noCloseText: contest.status === 'running' && !contest.mayClose ? '也面向管辖范围外的组织,只有创建人可以结束' : '',
  };
}
