import { closedReportId, openReportId, type QuestionReportDoc } from '../../domain/quiz/questionReports';
import type { MessageDoc } from '../../domain/notices/messageDoc';
import { collections } from '../collections';
import type { Database } from '../database';
import { putMessageIn } from '../notices/messageStore';
import { reserveUnitIn } from '../notices/subscriptionStore';
import { quizCollections } from './quizCollections';

/**
 * Files a report unless the worker already has one open on the question (one transaction on the
 * report's fixed id). A closed report at that id moves to a dated id first, so its outcome stays.
 */
export async function fileReport(db: Database, report: Omit<QuestionReportDoc, '_id' | 'status'>): Promise<{ filed: boolean; id: string }> {
  const id = openReportId(report.questionId, report.openid);
  return db.runTransaction(async (t) => {
    const reports = t.collection(quizCollections.reports);
    const existing = (await reports.doc(id).get().catch(() => ({ data: null }))).data as QuestionReportDoc | null;
    if (existing?.status === 'open') return { filed: false, id };
    if (existing) {
      const { _id: _old, ...closed } = existing;
      await reports.doc(closedReportId(report.questionId, report.openid, new Date(existing.closedAt ?? existing.createdAt))).set({ data: closed });
      await reports.doc(id).remove();
    }
    await reports.doc(id).set({ data: { ...report, status: 'open' } });
    return { filed: true, id };
  });
}

/** Counts a report against its question (atomic increment; the first report creates the counter). */
export async function countReport(db: Database, questionId: string, now: Date): Promise<number> {
  const _ = db.command;
  const counts = db.collection(quizCollections.reportCounts);
  const { stats } = (await counts.doc(questionId).update({ data: { reports: _.inc(1), lastReportedAt: now } })) as { stats: { updated: number } };
  if (stats.updated === 0) {
    await counts.add({ data: { _id: questionId, reports: 1, lastReportedAt: now } }).catch(() => counts.doc(questionId).update({ data: { reports: _.inc(1), lastReportedAt: now } }));
  }
  const { data } = await counts.where({ _id: questionId }).limit(1).get();
  return (data[0] as { reports?: number } | undefined)?.reports ?? 1;
}

/** The worker's reports, latest first, after (createdAt, id) of the previous page: one indexed read. */
export async function reportsOf(db: Database, openid: string, size: number, after?: { createdAt: Date; id: string }): Promise<QuestionReportDoc[]> {
  const _ = db.command;
  const where = after ? (_.or([{ openid, createdAt: _.lt(after.createdAt) }, { openid, createdAt: after.createdAt, _id: _.gt(after.id) }]) as unknown as Record<string, unknown>) : { openid };
  const { data } = await db.collection(quizCollections.reports).where(where).orderBy('createdAt', 'desc').orderBy('_id', 'asc').limit(size).get();
  return data as QuestionReportDoc[];
}

export type OpenGroup = { questionId: string; count: number; reasons: string[]; notes: string[]; firstAt: Date; lastAt: Date };

/** Open reports grouped per question, the longest-waiting first; one more than `limit` tells there is a next page. */
export async function openReportGroups(db: Database, offset: number, limit: number): Promise<OpenGroup[]> {
  const reply = (await db
    .collection(quizCollections.reports)
    .aggregate()
    .match({ status: 'open' })
    .group({ _id: '$questionId', count: { $sum: 1 }, reasons: { $push: '$reason' }, notes: { $push: '$note' }, firstAt: { $min: '$createdAt' }, lastAt: { $max: '$createdAt' } })
    .sort({ firstAt: 1, _id: 1 })
    .skip(offset)
    .limit(limit + 1)
    .end()) as { list?: unknown[]; data?: unknown[] };
  return ((reply.list ?? reply.data ?? []) as Array<Omit<OpenGroup, 'questionId'> & { _id: string }>).map(({ _id, ...g }) => ({ questionId: _id, ...g }));
}

export async function openReportsOf(db: Database, questionId: string, limit: number): Promise<QuestionReportDoc[]> {
  const { data } = await db.collection(quizCollections.reports).where({ questionId, status: 'open' }).orderBy('createdAt', 'asc').limit(limit).get();
  return data as QuestionReportDoc[];
}

/**
 * Closes one open report where it is (the reporter's 我的纠错 reads it there; a new report by the
 * same worker moves it to a dated id first). The reporter's 消息 centre notice is written in the
 * same commit, and so are the unit of quota its push spends when one is left (`noticePending`
 * until it is pushed) and the audit entry. False if someone closed it meanwhile.
 */
export async function closeReport(
  db: Database,
  id: string,
  outcome: { status: 'resolved' | 'rejected'; reply: string; closedAt: Date; closedBy: string },
  notice: { message: (report: QuestionReportDoc) => MessageDoc; templateId: string; unitsNeeded: number },
): Promise<boolean> {
  return db.runTransaction(async (t) => {
    const reports = t.collection(quizCollections.reports);
    const open = (await reports.doc(id).get().catch(() => ({ data: null }))).data as QuestionReportDoc | null;
    if (open?.status !== 'open') return false;
    const reserved = await reserveUnitIn(t, open.openid, notice.templateId, notice.unitsNeeded, outcome.closedAt);
    await reports.doc(id).update({ data: { ...outcome, ...(reserved ? { noticePending: true } : {}) } });
    const message = notice.message(open);
    await putMessageIn(t, reserved ? { ...message, push: 'pending' } : message);
    // Audited in the same commit, once per report (a retry that finds it closed writes nothing).
    const auditId = `questionReports.${outcome.status}|${id}|${new Date(open.createdAt).getTime()}`;
    await t.collection(collections.auditLog).doc(auditId).set({ data: { at: outcome.closedAt, actorOpenid: outcome.closedBy, action: `questionReports.${outcome.status}`, target: open.questionId } });
    return true;
  });
}

/** The question's closed reports whose push is still to be sent (index questionId_1). */
export async function reportsAwaitingNotice(db: Database, questionId: string, limit: number): Promise<QuestionReportDoc[]> {
  const { data } = await db.collection(quizCollections.reports).where({ questionId, noticePending: true }).limit(limit).get();
  return data as QuestionReportDoc[];
}

export async function clearNoticePending(db: Database, id: string): Promise<void> {
  await db.collection(quizCollections.reports).where({ _id: id, noticePending: true }).update({ data: { noticePending: false } });
}
