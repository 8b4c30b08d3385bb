import { recordSubscriptions as contract } from '../../contracts/account';
import { addAcceptances, quotaOf } from '../../db/notices/subscriptionStore';
import { isSubscribeTemplate } from '../../domain/requests/subscribeTemplates';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';

/** Each 'accept' adds one unit to the caller's quota of that template; nothing is written for an unknown template. */
export const recordSubscriptions: Handler<typeof contract> = async (input, ctx) => {
  if (input.results.some((r) => !isSubscribeTemplate(r.templateId))) throw failWith(contract, 'UNKNOWN_TEMPLATE', '未知的订阅消息模板');
  // A refusal does not take back earlier acceptances: WeChat keeps them.
  await addAcceptances(ctx.db, ctx.openid, input.results.filter((r) => r.result === 'accept').map((r) => r.templateId), ctx.now);
  return { quota: await quotaOf(ctx.db, ctx.openid) };
};
