import { rate as contract } from '../../contracts/requests';
import { assertSafeText } from '../../platform/contentCheck';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';
import { workerEvent } from './workerEvent';

export const rate: Handler<typeof contract> = async (input, ctx) => {
  await assertSafeText(ctx, [input.comment], 2);
  return workerEvent(ctx, input.requestId, {
    event: 'rate',
    note: `${input.stars} 星${input.comment ? `:${input.comment}` : ''}`,
    check: (doc) => (doc.rating === null ? null : failWith(contract, 'ALREADY_RATED', '已经评价过了')),
    patch: (doc) => ({ rating: input.stars, ratingComment: input.comment, closedAt: doc.closedAt ?? ctx.now }),
  });
};
