import type { deskStats as contract, OrgLine } from '../../contracts/requests';
import { collections } from '../../db/collections';
import { listQueuePage } from '../../db/requests/queuePageStore';
import { readCounters } from '../../db/requests/requestCounters';
import { orgFigures, lastWeeks, pct, tally, weekLine } from '../../domain/requests/deskFigures';
import { breakdownOrgs } from '../../domain/requests/orgBreakdown';
import { orgScope } from '../../domain/requests/orgScope';
import { provinceScope, scopeOf } from '../../points/boardEntries';
import { participants } from '../../points/boardReads';
import { dayKey, weekKey } from '../../points/periodKeys';
import { periodField } from '../../points/rankCounts';
import type { ActionContext } from '../../runtime/context';
import type { Handler } from '../../runtime/router';
import { cadreScope } from './cadreScope';
import { itemOf } from './queuePage';

async function countWhere(ctx: ActionContext, collection: string, where: Record<string, unknown>): Promise<number> {
  return (await ctx.db.collection(collection).where(where).count()).total;
}

export const deskStats: Handler<typeof contract> = async (input, ctx) => {
  const { scope, orgs, names } = await cadreScope(ctx);
  const focusScope = input.orgId && scope.has(input.orgId) ? orgScope(orgs, [input.orgId]) : scope;
  const weeks = lastWeeks(weekKey(ctx.now), input.weeks);
  const docs = await readCounters(ctx.db, [...focusScope], weeks[0] as string);
  const _ = ctx.db.command;

  const orgLines: OrgLine[] = await Promise.all(
    breakdownOrgs(orgs, scope, input.orgId).map(async (orgId) => {
      const subtree = orgScope(orgs, [orgId]);
      const today = periodField('day', ctx.now);
      const thisWeek = periodField('week', ctx.now);
      const [members, quiz] = await Promise.all([
        countWhere(ctx, collections.users, { orgId: _.in([...subtree]) }),
        // A worker's points count on the boards of their organisation and its parents, so one board is the whole subtree.
        participants(ctx.db, scopeOf('org', orgId), [today, thisWeek]),
      ]);
      const quizToday = quiz.get(today) ?? 0;
      const quizWeek = quiz.get(thisWeek) ?? 0;
      return {
        orgId,
        orgName: names.get(orgId) ?? orgId,
        ...orgFigures(tally(docs.filter((d) => subtree.has(d.orgId)))),
        members,
        quizToday,
        quizWeek,
        participationTodayPct: pct(quizToday, members),
        participationWeekPct: pct(quizWeek, members),
      };
    }),
  );

  const days = Array.from({ length: 7 }, (_x, i) => new Date(ctx.now.getTime() - (6 - i) * 86400_000));
  const [overdueDocs, activeByDay] = await Promise.all([
    listQueuePage(ctx.db, { orgIds: [...focusScope], overdue: true, sort: 'deadline' }, 20),
    participants(ctx.db, provinceScope, days.map((day) => periodField('day', day))).then((byField) => days.map((day) => ({ day: dayKey(day), workers: byField.get(periodField('day', day)) ?? 0 }))),
  ]);
  const all = tally(docs);
  return {
    weeks: weeks.map((week) => weekLine(week, docs.filter((d) => d.week === week))),
    orgs: orgLines,
    totals: { ...orgFigures(all) },
    overdue: overdueDocs.map((doc) => itemOf(doc, names)),
    activeToday: activeByDay[activeByDay.length - 1]?.workers ?? 0,
    activeByDay,
  };
};
