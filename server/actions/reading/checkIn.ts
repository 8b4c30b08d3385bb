import type { checkIn as contract } from '../../contracts/reading';
import { addCheckin, lastCheckin } from '../../db/reading/checkins';
import { nextStreak } from '../../domain/reading/checkinStreak';
import { checkinPoints } from '../../domain/reading/readingPoints';
import { shanghaiDay } from '../../domain/reading/shanghaiDay';
import { awardPoints } from '../../points/awardPoints';
import type { Handler } from '../../runtime/router';

export const checkIn: Handler<typeof contract> = async (_input, ctx) => {
  const today = shanghaiDay(ctx.now);
  const last = await lastCheckin(ctx.db, ctx.openid);
  let day = { streak: 0, alreadyCheckedIn: true };
  if (last?.day === today) day = { streak: last.streak, alreadyCheckedIn: true };
  else {
    const streak = nextStreak(today, last);
    const fresh = await addCheckin(ctx.db, ctx.openid, today, streak, ctx.now);
    day = fresh ? { streak, alreadyCheckedIn: false } : { streak: (await lastCheckin(ctx.db, ctx.openid))?.streak ?? streak, alreadyCheckedIn: true };
  }
  // Keyed by the day, the award is idempotent: a repeat returns the first award and heals a lost one.
  const { awarded } = await awardPoints(ctx, { source: 'reading-checkin', sourceId: today, points: checkinPoints });
  return { day: today, ...day, points: awarded };
};
