/** msgSecCheck takes at most 2,500 characters: a long story is checked in batches of whole texts. */
export const contentCheckLimit = 2500;

export function textBatches(texts: readonly string[], limit = contentCheckLimit): string[][] {
  const batches: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const text of texts) {
    const length = Array.from(text).length + 1; // joined with a newline
    if (current.length > 0 && size + length > limit) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(text);
    size += length;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
