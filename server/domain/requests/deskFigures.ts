import type { OrgLine, WeekLine } from '../../contracts/requests/deskStats';
import { requestStatuses, type RequestStatus } from './requestStatusMachine';

type Counters = Record<string, number | string>;

const num = (doc: Counters, key: string) => (typeof doc[key] === 'number' ? (doc[key] as number) : 0);
/** A share in percent with one decimal; null without a denominator. */
export const pct = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

export interface Tally {
  filed: number;
  resolved: number;
  resolvedOnTime: number;
  followUps: number;
  satisfied: number;
  reached: number;
  byStatus: Partial<Record<RequestStatus, number>>;
}

/** Sums counter documents into one tally. */
export function tally(docs: readonly Counters[]): Tally {
  const t: Tally = { filed: 0, resolved: 0, resolvedOnTime: 0, followUps: 0, satisfied: 0, reached: 0, byStatus: {} };
  for (const doc of docs) {
    t.filed += num(doc, 'filed');
    t.resolved += num(doc, 'resolved');
    t.resolvedOnTime += num(doc, 'resolvedOnTime');
    t.followUps += num(doc, 'followUps');
    t.satisfied += num(doc, 'fu_satisfied') + num(doc, 'fu_basicallySatisfied');
    t.reached += num(doc, 'followUps') - num(doc, 'fu_unreachable');
    for (const status of requestStatuses) {
      const n = num(doc, `st_${status}`);
      if (n) t.byStatus[status] = (t.byStatus[status] ?? 0) + n;
    }
  }
  return t;
}

export function weekLine(week: string, docs: readonly Counters[]): WeekLine {
  const t = tally(docs);
  return { week, filed: t.filed, byStatus: t.byStatus, resolved: t.resolved, onTimePct: pct(t.resolvedOnTime, t.resolved), satisfactionPct: pct(t.satisfied, t.reached) };
}

export function orgFigures(t: Tally): Pick<OrgLine, 'filed' | 'resolved' | 'onTimePct' | 'satisfactionPct' | 'followUps'> {
  return { filed: t.filed, resolved: t.resolved, onTimePct: pct(t.resolvedOnTime, t.resolved), satisfactionPct: pct(t.satisfied, t.reached), followUps: t.followUps };
}

/** The Monday keys of the last `count` weeks ending with the one `latest` names (W2026-11-23 …). */
export function lastWeeks(latest: string, count: number): string[] {
  const monday = new Date(`${latest.slice(1)}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => `W${new Date(monday.getTime() - (count - 1 - i) * 7 * 86400_000).toISOString().slice(0, 10)}`);
}
