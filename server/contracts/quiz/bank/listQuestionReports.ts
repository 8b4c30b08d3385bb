import { z } from 'zod';
import { defineAction } from '../../action';

/** The open 纠错 reports of one question, together. */
export interface ReportGroup {
  questionId: string;
  stem: string;
  history: string;
  retired: boolean;
  count: number;
  /** How many reports gave each reason. */
  reasons: Record<string, number>;
  /** The reporters' notes (newest first, at most 20). */
  notes: string[];
  firstAt: string;
  lastAt: string;
}

/** Open reports grouped per question, the longest-waiting question first. */
export const listQuestionReports = defineAction<{ groups: ReportGroup[]; nextOffset: number | null }>()({
  input: z.strictObject({ offset: z.number().int().min(0).max(100_000).default(0), limit: z.number().int().min(1).max(50).default(20) }),
});
