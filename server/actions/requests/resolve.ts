import type { resolve as contract } from '../../contracts/requests';
import { assertSafeText } from '../../platform/contentCheck';
import type { Handler } from '../../runtime/router';
import { cadreEvent } from './cadreEvent';

export const resolve: Handler<typeof contract> = async (input, ctx) => {
  await assertSafeText(ctx, [input.note], 2);
  return cadreEvent(ctx, input.requestId, { event: 'resolve', note: input.note, patch: () => ({ resolvedAt: ctx.now, overdue: false }) });
};
