/** A month laid out Monday-first in weeks of seven cells (empty cells before the 1st). */
export interface CalendarCell {
  day: number | null;
  date: string;
  checked: boolean;
  today: boolean;
}

export function calendarGrid(month: string, checkedDays: readonly string[], today: string): CalendarCell[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const count = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const weekday = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7; // Monday = 0
  const checked = new Set(checkedDays);
  const cells: CalendarCell[] = Array.from({ length: weekday }, () => ({ day: null, date: '', checked: false, today: false }));
  for (let d = 1; d <= count; d += 1) {
    const date = `${month}-${String(d).padStart(2, '0')}`;
    cells.push({ day: d, date, checked: checked.has(date), today: date === today });
  }
  return cells;
}

export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return d.toISOString().slice(0, 7);
}
