/** Days in Asia/Shanghai: UTC+8 all year (China has no daylight saving), so plain arithmetic is exact. */
const offsetMs = 8 * 3600 * 1000;
const dayMs = 24 * 3600 * 1000;

/** The Shanghai calendar day of an instant, as YYYY-MM-DD. */
export function shanghaiDay(now: Date): string {
  return new Date(now.getTime() + offsetMs).toISOString().slice(0, 10);
}

/** The day before a YYYY-MM-DD day. */
export function previousDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - dayMs).toISOString().slice(0, 10);
}

/** The Shanghai month of an instant, as YYYY-MM. */
export function shanghaiMonth(now: Date): string {
  return shanghaiDay(now).slice(0, 7);
}

/** First and last day of a YYYY-MM month. */
export function monthBounds(month: string): { first: string; last: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(days).padStart(2, '0')}` };
}
