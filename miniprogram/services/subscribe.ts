import type { MessageKindView, SubscribeResult } from '../../server/contracts/account';
import { subscribeTemplates } from '../config/subscribeTemplates';
import { api } from './api';

/**
 * The natural moments to ask for one more one-time subscription: each acceptance lets the server
 * push one message, so asking again whenever the person is engaged keeps their progress notices
 * coming. Cadres ask for the overdue reminder; a worker sending a 纠错 asks for its outcome.
 */
export type SubscribeMoment = 'filing' | 'openRequest' | 'rating' | 'openMessage' | 'overdueReminders' | 'reporting';

const templatesFor: Record<SubscribeMoment, string[]> = {
  filing: [subscribeTemplates.requestStatusChanged],
  openRequest: [subscribeTemplates.requestStatusChanged],
  rating: [subscribeTemplates.requestStatusChanged],
  openMessage: [subscribeTemplates.requestStatusChanged],
  overdueReminders: [subscribeTemplates.requestOverdue],
  reporting: [subscribeTemplates.reportOutcome],
};

/** Opening a message asks for the next notice of its kind; a membership decision has no template to ask for. */
const momentOfKind: Record<MessageKindView, SubscribeMoment | null> = {
  requestStatus: 'openMessage',
  requestOverdue: 'overdueReminders',
  reportOutcome: 'reporting',
  joinOutcome: null,
};

export function momentOfMessage(kind: MessageKindView): SubscribeMoment | null {
  return momentOfKind[kind];
}

const results: readonly string[] = ['accept', 'reject', 'ban', 'filter'];

/**
 * Shows WeChat's subscription dialog and reports the answer to the server, which counts the
 * acceptances. Call it from a tap handler, before any other await (WeChat shows the dialog only
 * in answer to a tap). Never throws: a refusal or a failure leaves everything else working.
 * Resolves with the template ids accepted.
 */
export async function askForSubscription(moment: SubscribeMoment): Promise<string[]> {
  if (typeof wx.requestSubscribeMessage !== 'function') return [];
  const tmplIds = templatesFor[moment];
  let answer: Record<string, string>;
  try {
    answer = (await wx.requestSubscribeMessage({ tmplIds })) as unknown as Record<string, string>;
  } catch (error) {
    console.warn('subscription dialog failed', error);
    return [];
  }
  const answered = tmplIds.filter((id) => results.includes(answer[id])).map((id) => ({ templateId: id, result: answer[id] as SubscribeResult }));
  if (answered.length > 0) {
    const reported = await api.account.recordSubscriptions({ results: answered });
    if (!reported.ok) console.warn('recording the subscription failed', reported.message);
  }
  return answered.filter((r) => r.result === 'accept').map((r) => r.templateId);
}

const seenKey = 'seenRequestStatus';

/**
 * Whether opening this request is a moment to ask: its status changed since the worker last opened
 * it from the list (remembered on the phone). The first opening of a request just filed is not.
 */
export function statusChangedSinceSeen(requestId: string, status: string): boolean {
  let seen: Record<string, string> = {};
  try {
    seen = (wx.getStorageSync(seenKey) as Record<string, string> | '') || {};
  } catch {
    // No storage: treat as never seen.
  }
  const before = seen[requestId] ?? 'submitted';
  try {
    wx.setStorageSync(seenKey, { ...seen, [requestId]: status });
  } catch {
    // Asking once more is harmless.
  }
  return before !== status;
}
