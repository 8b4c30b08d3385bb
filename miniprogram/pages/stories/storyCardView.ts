import type { StoryCard, StoryProgress } from '../../../server/contracts/reading';
import { themeColor, themeName } from './themeNames';

/** A card as the lists draw it: the theme's colour stands in for a cover, progress said in words. */
export interface StoryCardView extends StoryCard {
  color: string;
  themeLabel: string;
  progressText: string;
  finished: boolean;
}

export function storyCardView(card: StoryCard & { progress?: StoryProgress | null }): StoryCardView {
  const { progress, ...rest } = card;
  const progressText = !progress ? '' : progress.finished ? '已读完' : progress.percent === 0 ? '刚开始读' : `已读 ${progress.percent}%`;
  return { ...rest, color: themeColor(card.theme), themeLabel: themeName(card.theme), progressText, finished: progress?.finished === true };
}
