import { z } from 'zod';
import { defineAction } from '../action';
import { id } from '../fields';
import { queueFilter } from './queueFilter';
import type { RequestSummary } from './requestView';

/** A line of the console's queue: the summary plus what a desk needs to sort and triage. */
export interface QueueItem extends RequestSummary {
  resolveDueAt: string;
  resolveDueText: string;
  assigneeName: string | null;
  /** The last four digits of the contact number (searchable, never the whole number). */
  phoneTail: string;
  followUpOutcome: string | null;
}

/**
 * The whole queue of the caller's organisation tree, a page at a time: sorted by the resolve
 * deadline (earliest first) or newest first, continued by an opaque cursor (never a growing skip).
 */
export const queuePage = defineAction<{ items: QueueItem[]; nextCursor: string | null }>()({
  input: z.strictObject({
    ...queueFilter,
    /** One organisation (and its descendants) within the caller's tree. */
    orgId: id.optional(),
    /** A word of the title, or the last 4–11 digits of the contact number. */
    search: z.string().trim().max(40).optional(),
    mine: z.boolean().optional(),
    sort: z.enum(['deadline', 'newest']).default('deadline'),
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(100).default(20),
  }),
});
