import type { FunctionCloud } from './functionCloud';

/**
 * A person taps 允许 for these templates in wx.requestSubscribeMessage, `times` times, and the page
 * reports each answer (account.recordSubscriptions): WeChat then allows that many messages of each,
 * and the server knows it.
 */
export async function acceptTemplates(fc: FunctionCloud, openid: string, templateIds: readonly string[], times = 1): Promise<void> {
  for (let n = 0; n < times; n += 1) {
    const answer = fc.cloud.acceptSubscription(openid, templateIds);
    const reported = await fc.call(openid, 'account', 'recordSubscriptions', { results: templateIds.map((templateId) => ({ templateId, result: answer[templateId] === 'accept' ? ('accept' as const) : ('reject' as const) })) });
    if (!reported.ok) throw new Error(`recordSubscriptions: ${reported.code} ${reported.message}`);
  }
}
