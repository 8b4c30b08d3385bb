/**
 * Where a page paged by (a date sort key, _id) ended, as an opaque string for the client: the
 * next page starts after it, so every page costs one query however deep the reader goes.
 */
export function encodeCursor(value: Date, id: string): string {
  return Buffer.from(JSON.stringify([new Date(value).toISOString(), id]), 'utf8').toString('base64url');
}

/** The cursor back, or undefined for none or one that does not decode (the first page then). */
export function decodeCursor(cursor: string | undefined): { value: Date; id: string } | undefined {
  if (!cursor) return undefined;
  try {
    const [iso, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const value = new Date(iso);
    return typeof id === 'string' && !Number.isNaN(value.getTime()) ? { value, id } : undefined;
  } catch {
    return undefined;
  }
}
