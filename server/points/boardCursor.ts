/**
 * Where a page of a board ended, as an opaque string for the client: the last row's score and entry
 * id (the board's sort key) and its rank and position (how many rows came before it and it), so
 * the next page goes on ranking without counting what lies above it again.
 */
export interface BoardCursor {
  score: number;
  id: string;
  rank: number;
  position: number;
}

export function encodeBoardCursor(cursor: BoardCursor): string {
  return Buffer.from(JSON.stringify([cursor.score, cursor.id, cursor.rank, cursor.position]), 'utf8').toString('base64url');
}

/** The cursor back, or undefined for one that does not decode (the first page then). */
export function decodeBoardCursor(cursor: string | undefined): BoardCursor | undefined {
  if (!cursor) return undefined;
  try {
    const [score, id, rank, position] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const counts = [rank, position].every((n) => Number.isSafeInteger(n) && (n as number) >= 1);
    return typeof score === 'number' && Number.isFinite(score) && typeof id === 'string' && counts ? { score, id, rank: rank as number, position: position as number } : undefined;
  } catch {
    return undefined;
  }
}
