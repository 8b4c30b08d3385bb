import type { SubscribeMessage } from '../../platform/openApi';
import { subscribeTemplates } from '../requests/subscribeTemplates';
import { messageIdOf, newMessage, type MessageDoc } from './messageDoc';

export type ReportOutcome = 'resolved' | 'rejected';

const headlines: Record<ReportOutcome, string> = { resolved: '纠错已采纳', rejected: '纠错未被采纳' };
const outcomeWords: Record<ReportOutcome, string> = { resolved: '已采纳', rejected: '未采纳' };

/** The worker's 我的纠错 page, where the report and the reply stay. */
const reportsPage = 'pages/quiz/reports/index';

function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** What identifies one report: its question, its reporter and when it was filed (the open id is reused). */
interface ClosedReport {
  questionId: string;
  openid: string;
  createdAt: Date;
}

/** One message per report, whoever writes it and however often (a retry writes the same one). */
export function reportOutcomeMessageId(report: ClosedReport): string {
  return messageIdOf('reportOutcome', report.questionId, report.openid, String(new Date(report.createdAt).getTime()));
}

/** The reporter's notice of the outcome and the editor's reply; `stem` says which question it was. */
export function reportOutcomeMessage(report: ClosedReport, stem: string, outcome: ReportOutcome, reply: string, at: Date): MessageDoc {
  return newMessage({
    _id: reportOutcomeMessageId(report),
    openid: report.openid,
    kind: 'reportOutcome',
    title: headlines[outcome],
    summary: clip(stem, 40),
    note: reply,
    page: reportsPage,
    requestId: null,
    createdAt: at,
  });
}

/** Shanghai time as the time.* field wants it: 2026-11-25 09:30. */
function shanghaiTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ');
}

/** Template 「纠错处理结果通知」 (WeChat caps thing.* at 20 characters, phrase.* at 5). */
export function reportOutcomeNotice(openid: string, stem: string, outcome: ReportOutcome, reply: string, at: Date): SubscribeMessage {
  return {
    touser: openid,
    templateId: subscribeTemplates.reportOutcome,
    page: reportsPage,
    data: {
      thing1: { value: clip(stem, 20) },
      phrase2: { value: outcomeWords[outcome] },
      thing3: { value: clip(reply || outcomeWords[outcome], 20) },
      time4: { value: shanghaiTime(at) },
    },
  };
}
