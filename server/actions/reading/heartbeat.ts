import { heartbeat as contract } from '../../contracts/reading';
import { recordHeartbeat } from '../../db/reading/heartbeats';
import { addSecondsRead, findProgress } from '../../db/reading/progress';
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
  const credit = creditFor(already, storyTimeCapSeconds(story.readingMinutes));
  // At the cap nothing is written: a page left open costs no writes and earns nothing.
  if (credit === 0) return { counted: false, secondsRead: already, capped: true, pointsAwarded: 0 };
  const fresh = await recordHeartbeat(ctx.db, ctx.openid, input.storyId, heartbeatSlot(ctx.now), shanghaiDay(ctx.now), ctx.now);
  if (!fresh) return { counted: false, secondsRead: already, capped: false, pointsAwarded: 0 };
  await addSecondsRead(ctx.db, ctx.openid, input.storyId, credit, ctx.now);
  const after = already + credit;
  // A story read through earns once (sourceId = the story), within the ledger's daily cap.
  const { awarded } = finishesStory(already, after, story.readingMinutes)
    ? await awardPoints(ctx, { source: 'reading', sourceId: input.storyId, points: finishedStoryPoints })
    : { awarded: 0 };
  return { counted: true, secondsRead: after, capped: false, pointsAwarded: awarded };
};
