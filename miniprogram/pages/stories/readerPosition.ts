/** Where the reader is: the first paragraph still visible at the top, and how far into it (px). */
export interface ParagraphRect {
  top: number;
  bottom: number;
  dataset: { index?: number | string };
}

export function positionFromRects(rects: readonly ParagraphRect[]): { paragraph: number; offset: number } | null {
  const visible = rects.find((r) => r.bottom > 0);
  if (!visible) return null;
  const paragraph = Number(visible.dataset.index);
  if (!Number.isInteger(paragraph) || paragraph < 0) return null;
  return { paragraph, offset: Math.max(0, Math.round(-visible.top)) };
}

/** One setData per chunk, each paragraph by its own path: only what is new travels. */
export function chunkPatch(from: number, paragraphs: readonly string[]): Record<string, string> {
  const patch: Record<string, string> = {};
  paragraphs.forEach((p, i) => (patch[`paragraphs[${from + i}]`] = p));
  return patch;
}
