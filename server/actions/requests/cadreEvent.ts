import type { RequestDetail } from '../../contracts/requests';
import { detailOf } from '../../domain/requests/requestViews';
import type { ActionContext } from '../../runtime/context';
import { applyEvent, type EventSpec } from './applyEvent';
import { cadreScope } from './cadreScope';

/** A cadre's event on a request of their organisations; the answer masks the phone (the detail view shows it). */
export async function cadreEvent(ctx: ActionContext, requestId: string, spec: Omit<EventSpec, 'actor' | 'mayAct'>): Promise<RequestDetail> {
  const { scope, names } = await cadreScope(ctx);
  const doc = await applyEvent(ctx, requestId, { ...spec, actor: 'cadre', mayAct: (d) => scope.has(d.orgId) });
  return detailOf(doc, names, 'cadre', ctx.now, { fullPhone: false });
}
