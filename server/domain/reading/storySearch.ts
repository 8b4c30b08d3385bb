/** Search by title first, then keywords and summary; simple substring matching suits 42–few hundred stories. */
export interface Searchable {
  _id: string;
  title: string;
  keywords: string[];
  summary: string;
}

export function searchStories<T extends Searchable>(stories: readonly T[], query: string, max: number): T[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const rank = (s: T): number => {
    if (s.title.toLowerCase().includes(q)) return 0;
    if (s.keywords.some((k) => k.toLowerCase().includes(q))) return 1;
    if (s.summary.toLowerCase().includes(q)) return 2;
    return 3;
  };
  return stories
    .map((s) => ({ s, r: rank(s) }))
    .filter((x) => x.r < 3)
    .sort((a, b) => a.r - b.r || a.s._id.localeCompare(b.s._id))
    .slice(0, max)
    .map((x) => x.s);
}
