import type { reply as contract } from '../../contracts/requests';
import { assertSafeText } from '../../platform/contentCheck';
import type { Handler } from '../../runtime/router';
import { cadreEvent } from './cadreEvent';

export const reply: Handler<typeof contract> = async (input, ctx) => {
  await assertSafeText(ctx, [input.note], 2);
  return cadreEvent(ctx, input.requestId, { event: 'reply', note: input.note });
};
