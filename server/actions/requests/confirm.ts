import type { confirm as contract } from '../../contracts/requests';
import type { Handler } from '../../runtime/router';
import { workerEvent } from './workerEvent';

export const confirm: Handler<typeof contract> = (input, ctx) =>
  workerEvent(ctx, input.requestId, { event: 'confirm', note: '', patch: () => ({ closedAt: ctx.now }) });
