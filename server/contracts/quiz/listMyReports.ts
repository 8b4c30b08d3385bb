import { z } from 'zod';
import { defineAction } from '../action';

export interface MyReport {
  id: string;
  questionId: string;
  stem: string;
  reason: 'answer' | 'explanation' | 'stem' | 'options' | 'source' | 'other';
  note: string;
  status: 'open' | 'resolved' | 'rejected';
  /** The editor's answer once the report is closed. */
  reply: string | null;
  createdAt: string;
  closedAt: string | null;
}

/** Where the previous page ended: the last report's createdAt (ISO) and id. */
export const reportCursor = z.string().max(200).regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\|[a-z]+-\d{3}:[^|]{1,80}$/, '分页位置无效');

/** 我的纠错: the worker's reports, latest first, with the editors' outcome; paged by the sort key. */
export const listMyReports = defineAction<{ items: MyReport[]; nextCursor: string | null }>()({
  input: z.strictObject({ cursor: reportCursor.optional() }),
});
