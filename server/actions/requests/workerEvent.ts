import type { RequestDetail } from '../../contracts/requests';
import type { RequestDoc } from '../../db/requests/requestStore';
import { detailOf } from '../../domain/requests/requestViews';
import type { ActionContext } from '../../runtime/context';
import { applyEvent, type EventSpec } from './applyEvent';
import { loadOrgs } from './orgNames';

/** A worker's event on their own request, answered with the worker's view of it. */
export async function workerEvent(ctx: ActionContext, requestId: string, spec: Omit<EventSpec, 'actor' | 'mayAct'>): Promise<RequestDetail> {
  const doc = await applyEvent(ctx, requestId, { ...spec, actor: 'worker', mayAct: (d: RequestDoc) => d.openid === ctx.openid });
  const { names } = await loadOrgs(ctx.db);
  return detailOf(doc, names, 'worker', ctx.now, { fullPhone: false });
}
