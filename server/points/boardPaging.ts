import { encodeBoardCursor, type BoardCursor } from './boardCursor';

/** A place on a board as paging sees it: its sort score and its id (the tiebreaker of equal scores). */
export interface PagedPlace {
  id: string;
  score: number;
}

/**
 * The ranks of a page of places, going on from the previous page's last row: equal scores share a
 * rank (the rank of the first place with that score, even across a page break). A full page has a
 * cursor (the next may be empty: finding out would cost the first view another key and document).
 */
export function rankPage(places: readonly PagedPlace[], after: BoardCursor | undefined, size: number): { ranks: number[]; next: string | null } {
  const ranks: number[] = [];
  let previous = after ? { rank: after.rank, score: after.score } : undefined;
  const start = after?.position ?? 0;
  places.forEach((place, i) => {
    const rank = previous && previous.score === place.score ? previous.rank : start + i + 1;
    ranks.push(rank);
    previous = { rank, score: place.score };
  });
  const last = places[places.length - 1];
  const lastRank = ranks[ranks.length - 1];
  const next = places.length === size && last && lastRank ? encodeBoardCursor({ score: last.score, id: last.id, rank: lastRank, position: start + places.length }) : null;
  return { ranks, next };
}
