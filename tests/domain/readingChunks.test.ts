import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chunkAt, utf8Bytes } from '../../server/domain/reading/paragraphChunks';

const setDataLimit = 64 * 1024;

function allStories(): Array<{ id: string; paragraphs: string[] }> {
  const dir = path.resolve(__dirname, '../../data/stories');
  return readdirSync(dir).flatMap((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Array<{ id: string; paragraphs: string[] }>);
}

/** What the reader sends per chunk: one setData with a path per paragraph. */
function setDataBytes(from: number, paragraphs: string[]): number {
  const payload: Record<string, string> = {};
  paragraphs.forEach((p, i) => (payload[`paragraphs[${from + i}]`] = p));
  return utf8Bytes(JSON.stringify(payload));
}

function chunksOf(paragraphs: string[]): Array<{ from: number; paragraphs: string[] }> {
  const chunks = [];
  for (let next: number | null = 0; next !== null; ) {
    const chunk = chunkAt(paragraphs, next);
    chunks.push(chunk);
    next = chunk.next;
  }
  return chunks;
}

describe('a story delivered in chunks', () => {
  const stories = allStories();
  const longest = stories.reduce((a, b) => (utf8Bytes(JSON.stringify(b.paragraphs)) > utf8Bytes(JSON.stringify(a.paragraphs)) ? b : a));

  test('the longest seeded story arrives whole, in order, with no setData over 64 KB', () => {
    const chunks = chunksOf(longest.paragraphs);
    expect(chunks.flatMap((c) => c.paragraphs)).toEqual(longest.paragraphs);
    for (const c of chunks) expect(setDataBytes(c.from, c.paragraphs)).toBeLessThan(setDataLimit);
  });

  test('a synthetic story sixteen times the longest (four times the paragraphs, each four times longer) never sends 64 KB at once', () => {
    const long = [...longest.paragraphs, ...longest.paragraphs, ...longest.paragraphs, ...longest.paragraphs].map((p) => p.repeat(4));
    const chunks = chunksOf(long);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.flatMap((c) => c.paragraphs)).toEqual(long);
    const largest = Math.max(...chunks.map((c) => setDataBytes(c.from, c.paragraphs)));
    expect(largest).toBeLessThan(setDataLimit);
  });

  test('reading resumes from a paragraph in the middle, and past the end there is nothing more', () => {
    const mid = chunkAt(longest.paragraphs, 3);
    expect(mid.from).toBe(3);
    expect(mid.paragraphs[0]).toBe(longest.paragraphs[3]);
    expect(chunkAt(longest.paragraphs, 999)).toEqual({ from: longest.paragraphs.length, paragraphs: [], next: null });
  });

  test('a Chinese character counts three bytes, an emoji four', () => {
    expect(utf8Bytes('工会')).toBe(6);
    expect(utf8Bytes('a😀')).toBe(5);
  });
});
