import type { withdraw as contract } from '../../contracts/requests';
import type { Handler } from '../../runtime/router';
import { workerEvent } from './workerEvent';

export const withdraw: Handler<typeof contract> = (input, ctx) =>
  workerEvent(ctx, input.requestId, { event: 'withdraw', note: '', patch: () => ({ closedAt: ctx.now }) });
