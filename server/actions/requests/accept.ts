import type { accept as contract } from '../../contracts/requests';
import { assertSafeText } from '../../platform/contentCheck';
import type { Handler } from '../../runtime/router';
import { cadreEvent } from './cadreEvent';

export const accept: Handler<typeof contract> = async (input, ctx) => {
  await assertSafeText(ctx, [input.note], 2);
  return cadreEvent(ctx, input.requestId, { event: 'accept', note: input.note, patch: () => ({ acceptedAt: ctx.now }) });
};
