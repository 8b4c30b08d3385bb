/**
 * The name of a state's picture, docs/screens/<key>.png: the page path without its trailing
 * /index, slashes as dashes, then the state (pages/quiz/leaderboard/index + province →
 * pages-quiz-leaderboard--province).
 */
export function previewKey(page: string, state: string): string {
  return `${page.replace(/\/index$/, '').replace(/\//g, '-')}--${state}`;
}
