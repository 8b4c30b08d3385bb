import type { getHome as contract } from '../../contracts/reading';
import { latestProgress } from '../../db/reading/progress';
import { allCards, findCards, toCard } from '../../db/reading/stories';
import { recommendedIndex } from '../../domain/reading/recommendation';
import { shanghaiDay } from '../../domain/reading/shanghaiDay';
import type { Handler } from '../../runtime/router';

export const getHome: Handler<typeof contract> = async (_input, ctx) => {
  const today = shanghaiDay(ctx.now);
  const [cards, last] = await Promise.all([allCards(ctx.db), latestProgress(ctx.db, ctx.openid)]);
  const picked = cards[recommendedIndex(today, cards.length)];
  const lastCard = last ? (cards.find((c) => c._id === last.storyId) ?? (await findCards(ctx.db, [last.storyId]))[0]) : undefined;
  return {
    today,
    recommendation: picked ? toCard(picked) : null,
    continueReading: last && lastCard ? { ...toCard(lastCard), position: { paragraph: last.paragraph, offset: last.offset } } : null,
  };
};
