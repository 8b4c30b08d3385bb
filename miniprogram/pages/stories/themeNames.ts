import type { StoryTheme } from '../../../server/contracts/content';

/** The six themes of the reading corner, in the order, with their display names. */
export const themeNames: ReadonlyArray<{ key: StoryTheme; name: string }> = [
  { key: 'founding', name: '建党与革命' },
  { key: 'construction', name: '新中国建设' },
  { key: 'reform', name: '改革开放' },
  { key: 'newEra', name: '新时代' },
  { key: 'labor', name: '工运与劳模' },
  { key: 'qinghai', name: '青海故事' },
];

export function themeName(key: string): string {
  return themeNames.find((t) => t.key === key)?.name ?? '';
}
