import { transfer as contract } from '../../contracts/requests';
import { findOrg } from '../../db/orgs';
import { deadlinesFrom } from '../../domain/requests/serviceLevels';
import { assertSafeText } from '../../platform/contentCheck';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';
import { cadreEvent } from './cadreEvent';

export const transfer: Handler<typeof contract> = async (input, ctx) => {
  if (!(await findOrg(ctx.db, input.toOrgId))) throw failWith(contract, 'ORG_NOT_FOUND', '目标工会组织不存在');
  await assertSafeText(ctx, [input.note], 2);
  return cadreEvent(ctx, input.requestId, {
    event: 'transfer',
    note: input.note,
    check: (doc) => (doc.orgId === input.toOrgId ? failWith(contract, 'SAME_ORG', '不能转办给本组织') : null),
    // The receiving organisation starts with fresh service-level clocks.
    patch: () => ({ orgId: input.toOrgId, queuedAt: ctx.now, ...deadlinesFrom(ctx.now), acceptedAt: null, overdue: false, escalatedTo: null }),
    entryOrgId: (doc) => doc.orgId,
  });
};
