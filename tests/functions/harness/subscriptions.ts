import type { FunctionCloud } from './functionCloud';

/**
 * A worker taps 允许 for these templates in wx.requestSubscribeMessage, `times` times: WeChat then
 * allows that many messages of each.
 */
export async function acceptTemplates(fc: FunctionCloud, openid: string, templateIds: readonly string[], times = 1): Promise<void> {
  for (let n = 0; n < times; n += 1) fc.cloud.acceptSubscription(openid, templateIds);
}
