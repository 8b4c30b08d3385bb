import type { MyReport } from '../../../../server/contracts/quiz';
import { reasonLabel } from '../reportPopup/reasons';

const statuses: Record<MyReport['status'], string> = { open: '核实中', resolved: '已采纳', rejected: '未采纳' };

export type ReportView = MyReport & { statusName: string; reasonName: string; date: string };

/** A report as 我的纠错 shows it: its status in words, the reason's name and the day it was sent (Beijing time). */
export function reportViews(items: MyReport[]): ReportView[] {
  return items.map((r) => ({
    ...r,
    statusName: statuses[r.status],
    reasonName: reasonLabel[r.reason] ?? '其他',
    date: new Date(new Date(r.createdAt).getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10),
  }));
}
