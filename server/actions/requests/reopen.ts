import { reopen as contract } from '../../contracts/requests';
import { withinReopenWindow } from '../../domain/requests/requestStatusMachine';
import { deadlinesFrom } from '../../domain/requests/serviceLevels';
import { assertSafeText } from '../../platform/contentCheck';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';
import { workerEvent } from './workerEvent';

export const reopen: Handler<typeof contract> = async (input, ctx) => {
  await assertSafeText(ctx, [input.reason], 2);
  return workerEvent(ctx, input.requestId, {
    event: 'reopen',
    note: input.reason,
    check: (doc) => (withinReopenWindow(doc.resolvedAt ? new Date(doc.resolvedAt) : null, ctx.now) ? null : failWith(contract, 'REOPEN_EXPIRED', '办结已超过 7 天,不能再申请重新办理')),
    // Back in the queue: the service-level clocks start again.
    patch: () => ({ queuedAt: ctx.now, ...deadlinesFrom(ctx.now), acceptedAt: null, resolvedAt: null, overdue: false }),
  });
};
