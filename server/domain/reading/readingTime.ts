/** Heartbeats: one per slot counts; the client sends one about every slot while the reader is open. */
export const heartbeatSlotSeconds = 30;

/** The slot of an instant, from the server's clock only (a client cannot choose it). */
export function heartbeatSlot(now: Date): number {
  return Math.floor(now.getTime() / 1000 / heartbeatSlotSeconds);
}

/** Time a story can earn: twice its reading time, so a page left open earns nothing more. */
export function storyTimeCapSeconds(readingMinutes: number): number {
  return Math.max(1, readingMinutes) * 60 * 2;
}

/** Seconds one more heartbeat earns, given what the worker already has on this story. */
export function creditFor(alreadySeconds: number, capSeconds: number): number {
  return Math.max(0, Math.min(heartbeatSlotSeconds, capSeconds - alreadySeconds));
}
