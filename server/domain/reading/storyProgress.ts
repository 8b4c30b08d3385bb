import type { StoryProgress } from '../../contracts/reading';

/**
 * How far a worker has read a story, by the reading time the server counted (the same measure that
 * awards the finishing points), so a story scrolled to the end in a second is not "read".
 */
export function storyProgress(secondsRead: number, readingMinutes: number): StoryProgress {
  const needed = Math.max(1, readingMinutes) * 60;
  const finished = secondsRead >= needed;
  return { percent: finished ? 100 : Math.min(99, Math.floor((Math.max(0, secondsRead) / needed) * 100)), finished };
}
