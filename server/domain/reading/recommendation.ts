/** Today's recommendation: the same story for everyone all day, a different one the next day. */
export function recommendedIndex(day: string, count: number): number {
  if (count <= 0) return -1;
  let hash = 2166136261;
  for (const ch of day) hash = Math.imul(hash ^ (ch.codePointAt(0) ?? 0), 16777619) >>> 0;
  return hash % count;
}
