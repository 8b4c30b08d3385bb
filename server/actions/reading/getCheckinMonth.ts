import type { getCheckinMonth as contract } from '../../contracts/reading';
import { checkinDays, lastCheckin } from '../../db/reading/checkins';
import { currentStreak } from '../../domain/reading/checkinStreak';
import { monthBounds, shanghaiDay, shanghaiMonth } from '../../domain/reading/shanghaiDay';
import type { Handler } from '../../runtime/router';

export const getCheckinMonth: Handler<typeof contract> = async (input, ctx) => {
  const today = shanghaiDay(ctx.now);
  const month = input.month ?? shanghaiMonth(ctx.now);
  const { first, last } = monthBounds(month);
  const [days, latest] = await Promise.all([checkinDays(ctx.db, ctx.openid, first, last), lastCheckin(ctx.db, ctx.openid)]);
  return { month, days, today, streak: currentStreak(today, latest), checkedInToday: latest?.day === today };
};
