/** The file type a story upload's first bytes declare, or null: png, jpg, webp, mp3, m4a or aac. */
export function mediaTypeOf(bytes: Uint8Array): string | null {
  const at = (i: number) => bytes[i] ?? -1;
  const ascii = (from: number, text: string) => [...text].every((c, i) => at(from + i) === c.charCodeAt(0));
  if (at(0) === 0x89 && ascii(1, 'PNG')) return 'png';
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'jpg';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'webp';
  if (ascii(4, 'ftyp')) return 'm4a';
  if (ascii(0, 'ID3') || (at(0) === 0xff && (at(1) & 0xe6) === 0xe2)) return 'mp3';
  if (at(0) === 0xff && (at(1) & 0xf6) === 0xf0) return 'aac';
  return null;
}
