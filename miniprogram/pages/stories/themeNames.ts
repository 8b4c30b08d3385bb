import type { StoryTheme } from '../../../server/contracts/content';

/**
 * The six themes of the reading corner, in the order, with their display names, a line
 * for the home page's theme cards and a cover colour (white text on each is above 7:1).
 */
export const themeNames: ReadonlyArray<{ key: StoryTheme; name: string; tagline: string; color: string }> = [
  { key: 'founding', name: '建党与革命', tagline: '星火燎原的岁月', color: '#a8151b' },
  { key: 'construction', name: '新中国建设', tagline: '白手起家建家园', color: '#1d4e89' },
  { key: 'reform', name: '改革开放', tagline: '敢闯敢试的年代', color: '#8a4500' },
  { key: 'newEra', name: '新时代', tagline: '奋进新征程', color: '#0b6447' },
  { key: 'labor', name: '工运与劳模', tagline: '劳动创造幸福', color: '#6a1b8a' },
  { key: 'qinghai', name: '青海故事', tagline: '高原上的奋斗者', color: '#005f73' },
];

export function themeName(key: string): string {
  return themeNames.find((t) => t.key === key)?.name ?? '';
}

export function themeColor(key: string): string {
  return themeNames.find((t) => t.key === key)?.color ?? '#a8151b';
}
