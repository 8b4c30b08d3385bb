import type { SubscribeMessage } from '../../platform/openApi';
import { statusLabels, type RequestStatus } from './requestStatusMachine';
import { subscribeTemplates } from './subscribeTemplates';

/** WeChat caps: thing.* 20 characters, phrase.* 5. */
function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Shanghai time as the time.* field wants it: 2026-11-25 09:30. */
function shanghaiTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ');
}

export function statusNotice(request: { _id: string; openid: string; title: string }, status: RequestStatus, note: string, at: Date): SubscribeMessage {
  return {
    touser: request.openid,
    templateId: subscribeTemplates.requestStatusChanged,
    page: `pages/requests/detail/index?requestId=${request._id}`,
    data: {
      thing1: { value: clip(request.title, 20) },
      phrase2: { value: clip(statusLabels[status], 5) },
      time3: { value: shanghaiTime(at) },
      thing4: { value: clip(note || statusLabels[status], 20) },
    },
  };
}
