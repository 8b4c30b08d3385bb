import type { getHome as contract } from '../../contracts/reading';
import { latestProgress } from '../../db/reading/progress';
import { countVisibleStories, findCards, toCard, visibleCardAt } from '../../db/reading/stories';
import { recommendedIndex } from '../../domain/reading/recommendation';
import { shanghaiDay } from '../../domain/reading/shanghaiDay';
import type { Handler } from '../../runtime/router';

export const getHome: Handler<typeof contract> = async (_input, ctx) => {
  const today = shanghaiDay(ctx.now);
  // The day picks a place among all visible stories in _id order (the same for everyone all day,
  // whatever the catalogue's size), and only that one story is read.
  const [count, last] = await Promise.all([countVisibleStories(ctx.db), latestProgress(ctx.db, ctx.openid)]);
  const index = recommendedIndex(today, count);
  const [picked, lastCard] = await Promise.all([index >= 0 ? visibleCardAt(ctx.db, index) : null, last ? findCards(ctx.db, [last.storyId]).then((cards) => cards[0]) : undefined]);
  return {
    today,
    recommendation: picked ? toCard(picked) : null,
    continueReading: last && lastCard ? { ...toCard(lastCard), position: { paragraph: last.paragraph, offset: last.offset } } : null,
  };
};
