/** Points of the reading corner; the ledger's daily caps (server/points/pointCaps.ts) bound the day. */
export const checkinPoints = 2;
export const finishedStoryPoints = 2;

/** A story counts as read once the server has counted its reading time; true on the heartbeat that gets there. */
export function finishesStory(before: number, after: number, readingMinutes: number): boolean {
  const needed = Math.max(1, readingMinutes) * 60;
  return before < needed && after >= needed;
}
