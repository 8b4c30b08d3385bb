import type { SubscribeMessage } from '../../platform/openApi';
import type { OverdueKind } from './overdue';
import { subscribeTemplates } from './subscribeTemplates';

/** Template 「诉求督办提醒」 fields: thing1 title, thing2 what was missed, thing3 organisation. */
export function cadreReminder(cadreOpenid: string, request: { _id: string; title: string }, kind: OverdueKind, orgName: string): SubscribeMessage {
  const clip = (text: string) => (Array.from(text).length <= 20 ? text : `${Array.from(text).slice(0, 19).join('')}…`);
  return {
    touser: cadreOpenid,
    templateId: subscribeTemplates.requestOverdue,
    page: `cadre/requests/detail/index?requestId=${request._id}`,
    data: {
      thing1: { value: clip(request.title) },
      thing2: { value: kind === 'accept' ? '超过受理时限' : '超过办结时限' },
      thing3: { value: clip(orgName) },
    },
  };
}
