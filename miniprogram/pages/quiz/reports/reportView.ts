import type { MyReport } from '../../../../server/contracts/quiz';
import { reasonLabel } from '../reportPopup/reasons';

const statuses: Record<MyReport['status'], { name: string; theme: string }> = {
  open: { name: '核实中', theme: 'warning' },
  resolved: { name: '已采纳', theme: 'success' },
  rejected: { name: '未采纳', theme: 'default' },
};

export type ReportView = MyReport & { statusName: string; statusTheme: string; reasonName: string; date: string };

/** A report as 我的纠错 shows it: its status in words, the reason's name and the day it was sent (Beijing time). */
export function reportViews(items: MyReport[]): ReportView[] {
  return items.map((r) => ({
    ...r,
    statusName: statuses[r.status].name,
    statusTheme: statuses[r.status].theme,
    reasonName: reasonLabel[r.reason] ?? '其他',
    date: new Date(new Date(r.createdAt).getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10),
  }));
}
