/**
 * A story travels and renders in chunks of whole paragraphs so that no single setData (nor a
 * callFunction reply) comes near the 64 KB budget, however long the story.
 */
export const chunkBudgetBytes = 16 * 1024;

/** UTF-8 size of a string, as it travels in JSON (Chinese characters are 3 bytes). */
export function utf8Bytes(s: string): number {
  let bytes = 0;
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

export interface ParagraphChunk {
  from: number;
  paragraphs: string[];
  /** Index of the next chunk's first paragraph, or null at the end. */
  next: number | null;
}

/** The chunk starting at `from`: at least one paragraph, then whole paragraphs while under budget. */
export function chunkAt(paragraphs: readonly string[], from: number, budget = chunkBudgetBytes): ParagraphChunk {
  const start = Math.max(0, Math.min(from, paragraphs.length));
  const taken: string[] = [];
  let used = 0;
  for (let i = start; i < paragraphs.length; i += 1) {
    const size = utf8Bytes(JSON.stringify(paragraphs[i])) + 16; // the setData path key rides along
    if (taken.length > 0 && used + size > budget) break;
    taken.push(paragraphs[i] as string);
    used += size;
  }
  const end = start + taken.length;
  return { from: start, paragraphs: taken, next: end < paragraphs.length ? end : null };
}
