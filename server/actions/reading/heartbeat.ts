import { heartbeat as contract } from '../../contracts/reading';
import { creditHeartbeat } from '../../db/reading/heartbeats';
import { clearAwardPending, findProgress } from '../../db/reading/progress';
import { findCards } from '../../db/reading/stories';
import { awardPoints } from '../../points/awardPoints';
import { finishesStory, finishedStoryPoints } from '../../domain/reading/readingPoints';
import { creditFor, heartbeatSlot, storyTimeCapSeconds } from '../../domain/reading/readingTime';
import { shanghaiDay } from '../../domain/reading/shanghaiDay';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';

export const heartbeat: Handler<typeof contract> = async (input, ctx) => {
  const [card, progress] = await Promise.all([findCards(ctx.db, [input.storyId]), findProgress(ctx.db, ctx.openid, input.storyId)]);
  const story = card[0];
  if (!story) throw failWith(contract, 'STORY_NOT_FOUND', '故事不存在或已下架');
  const already = progress?.secondsRead ?? 0;
  const cap = storyTimeCapSeconds(story.readingMinutes);
  // At the cap nothing is written: a page left open costs no writes and earns nothing.
  if (creditFor(already, cap) === 0 && progress?.awardPending !== true) return { counted: false, secondsRead: already, capped: true, pointsAwarded: 0 };
  const counted = await creditHeartbeat(ctx.db, { openid: ctx.openid, storyId: input.storyId, slot: heartbeatSlot(ctx.now), day: shanghaiDay(ctx.now), now: ctx.now }, (before) => {
    const seconds = creditFor(before, cap);
    return { seconds, finishes: finishesStory(before, before + seconds, story.readingMinutes) };
  });
  // A story read through earns once (sourceId = the story), within the ledger's daily cap; the
  // pending mark committed with the seconds makes a retry after a failure give it.
  let awarded = 0;
  if (counted.awardPending) {
    const award = await awardPoints(ctx, { source: 'reading', sourceId: input.storyId, points: finishedStoryPoints });
    await clearAwardPending(ctx.db, ctx.openid, input.storyId);
    awarded = award.repeat ? 0 : award.awarded;
  }
  return { counted: counted.fresh, secondsRead: counted.secondsRead, capped: false, pointsAwarded: awarded };
};
