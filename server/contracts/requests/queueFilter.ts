import { z } from 'zod';
import { requestStatuses } from '../../domain/requests/requestStatusMachine';
import { category } from './fields';

/** The queue's filters, shared by the queue page, the dashboard and the export. */
export const queueFilter = {
  status: z.enum(requestStatuses).optional(),
  category: category.optional(),
  overdue: z.boolean().optional(),
};
