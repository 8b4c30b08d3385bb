import { sweepOverdue } from '../../server/actions/requests/overdueSweep';
import { openDatabase } from '../../server/db/database';
import { wxCloud } from '../../server/platform/cloud';
import { openOpenApi } from '../../server/platform/openApi';

/** 办实事 timer (hourly, see cloudbaserc.json): flags overdue requests, escalates them, reminds cadres. */
export async function main(_event: unknown): Promise<unknown> {
  // A timer runs with no user; a call from the mini program carries one and is refused.
  if (wxCloud().getWXContext().OPENID) return { ok: false, code: 'FORBIDDEN', message: '仅限定时任务调用' };
  try {
    return { ok: true, data: await sweepOverdue({ db: openDatabase(), openApi: openOpenApi(), now: new Date() }) };
  } catch (error) {
    console.error('overdue sweep failed', error);
    return { ok: false, code: 'INTERNAL', message: String(error) };
  }
}
